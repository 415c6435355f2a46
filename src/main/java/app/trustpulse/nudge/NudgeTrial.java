package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Randomised nudges, so that "did it work" has an answer (a micro-randomised design). Every leader and pulse week with a
 * focus dimension is a decision point: the nudge on the focus is sent with probability p and withheld otherwise, and
 * the decision is stored with p whatever it was. A withheld week carries no nudge on that dimension at all (digest
 * and mid-week), except an alarm's, which is never withheld. p lies between {@link #FLOOR} and {@link #CEILING}, so
 * every nudge keeps weeks on both sides and weighting by p keeps the estimate unbiased (see {@link RandomisedEffect}).
 *
 * <p>How the focus is chosen happens before the draw and is stored with it ({@link NudgeDecision.FocusRule}): when the
 * leader has chosen a focus with their promise ({@link LeaderFocus}), the decision point is a nudge on that dimension
 * ({@link NudgeReason#FOCUS}); without one it is the dimension that fell most against its own level ({@link
 * NudgeReason#FALLING}). Either way p is drawn and logged the same, so the weighted estimate stays unbiased.
 */
final class NudgeTrial {

    public static final double FLOOR = 0.2;
    public static final double CEILING = 0.8;
    public static final double EVEN = 0.5;

    /** The probability of sending a nudge on a dimension, before the floor and the ceiling. */
    @FunctionalInterface
    public interface Probabilities {
        double of(Dimension dimension, String nudgeId);

        static Probabilities even() {
            return (d, n) -> EVEN;
        }
    }

    /** The nudges chosen after the decision, and the decision if the week had one. */
    public record Choice(List<NudgeSelector.Pick> picks, Optional<NudgeDecision> decision) {
        public Choice {
            picks = List.copyOf(picks);
        }

        /** Whether a nudge was withheld on purpose this week. */
        public boolean withheld() {
            return decision.isPresent() && !decision.get().sent();
        }
    }

    private final DecisionLog decisions;
    private final Probabilities probabilities;
    private final RandomGenerator random;
    private final Clock clock;
    private final LeaderFocus focuses;

    NudgeTrial(DecisionLog decisions, Probabilities probabilities, RandomGenerator random, Clock clock) {
        this(decisions, probabilities, random, clock, LeaderFocus.none());
    }

    /** @param focuses the focus each leader chose, which the week's decision is on when there is one */
    NudgeTrial(
            DecisionLog decisions,
            Probabilities probabilities,
            RandomGenerator random,
            Clock clock,
            LeaderFocus focuses) {
        this.decisions = decisions;
        this.probabilities = probabilities;
        this.random = random;
        this.clock = clock;
        this.focuses = focuses;
    }

    /** p within the floor and the ceiling. */
    public static double bounded(double p) {
        if (Double.isNaN(p)) {
            return EVEN;
        }
        return Math.max(FLOOR, Math.min(CEILING, p));
    }

    /**
     * The leader's decision for the pulse of {@code week} on {@code focus}, chosen as the dimension that fell most: the
     * stored one if the week has one, else a new draw, stored before anything is sent.
     */
    public NudgeDecision decide(long teamId, String leaderId, WeekId week, Dimension focus, String nudgeId) {
        return decide(teamId, leaderId, week, focus, nudgeId, NudgeDecision.FocusRule.FELL_MOST);
    }

    /** As {@link #decide(long, String, WeekId, Dimension, String)}, recording which rule chose the dimension. */
    public NudgeDecision decide(
            long teamId, String leaderId, WeekId week, Dimension focus, String nudgeId, NudgeDecision.FocusRule rule) {
        Optional<NudgeDecision> earlier = decisions.find(teamId, leaderId, week);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        double p = bounded(probabilities.of(focus, nudgeId));
        boolean sent = random.nextDouble() < p;
        return decisions.decideOnce(
                new NudgeDecision(0, teamId, leaderId, week, focus, nudgeId, p, sent, clock.instant(), rule));
    }

    /**
     * Chooses a leader's nudges from the pulse of {@code week} (see {@link NudgeSelector#choose}) under the week's
     * decision: the focus is the leader's chosen one ({@link NudgeReason#FOCUS}) if they have one, else the dimension
     * that fell most ({@link NudgeReason#FALLING}); when it is withheld, the nudges are chosen again without its
     * dimension. A week already decided keeps the rule it was decided by, also if the leader's focus changed since.
     */
    public Choice choose(
            NudgeSelector selector,
            long teamId,
            String leaderId,
            WeekId week,
            Language language,
            NudgeSelector.Signals signals,
            Set<String> recentlySent,
            int max,
            long rotation) {
        Optional<NudgeDecision> decision = decisions.find(teamId, leaderId, week);
        Optional<Dimension> chosen = decision.isPresent()
                ? decision.filter(d -> d.rule() == NudgeDecision.FocusRule.LEADER_CHOSE)
                        .map(NudgeDecision::dimension)
                : focuses.of(teamId, leaderId);
        if (decision.isEmpty()) {
            List<NudgeSelector.Pick> picks =
                    selector.choose(language, signals, recentlySent, max, rotation, Set.of(), chosen);
            Optional<NudgeSelector.Pick> focus = picks.stream()
                    .filter(p -> p.reason() == NudgeReason.FALLING || p.reason() == NudgeReason.FOCUS)
                    .findFirst();
            if (focus.isEmpty()) {
                return new Choice(picks, Optional.empty());
            }
            NudgeDecision made = decide(
                    teamId,
                    leaderId,
                    week,
                    focus.get().dimension(),
                    focus.get().nudge().id(),
                    focus.get().reason() == NudgeReason.FOCUS
                            ? NudgeDecision.FocusRule.LEADER_CHOSE
                            : NudgeDecision.FocusRule.FELL_MOST);
            if (made.sent()) {
                return new Choice(picks, Optional.of(made));
            }
            decision = Optional.of(made);
        }
        NudgeDecision d = decision.get();
        Set<Dimension> withheld = d.sent() ? Set.of() : Set.of(d.dimension());
        Optional<Dimension> focusOfWeek =
                d.rule() == NudgeDecision.FocusRule.LEADER_CHOSE ? Optional.of(d.dimension()) : Optional.empty();
        return new Choice(
                selector.choose(language, signals, recentlySent, max, rotation, withheld, focusOfWeek), decision);
    }
}
