package app.trustpulse.nudge;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the week close uses of nudges: the signals of a pulse, the nudges of a leader's digest under the week's
 * randomised decision, their blocks, the team's reflection question and the quarterly review; and what the dashboard
 * reads back of it: the alarm of a closed week and a leader's nudges by period. The module's facade for the summary
 * and the insight modules, answering in values they already know ({@link SentNudge}, {@link NudgeReason}, blocks and
 * messages) or its own small ones below; how nudges are chosen, drawn and reviewed stays inside.
 */
public final class DigestNudges {

    /** A nudge a leader got is not chosen for them again within this many weeks. */
    public static final int NO_REPEAT_WEEKS = NudgeSelector.NO_REPEAT_WEEKS;
    /** How many weeks of published scores before a pulse its signals and its alarm look at. */
    public static final int EARLIER_WEEKS = DisruptionDetector.HISTORY_WEEKS;
    /** How many weeks of scores up to the week being closed a quarterly review needs. */
    public static final int REVIEW_WEEKS = QuarterlyReviews.HISTORY_WEEKS;

    /**
     * What the pulse and the leader's self-check say: the digest names the dimensions lower this week, and chooses its
     * nudges by all of it ({@link #choose}).
     */
    public static final class Signals {

        private final NudgeSelector.Signals signals;

        Signals(NudgeSelector.Signals signals) {
            this.signals = signals;
        }

        /** Dimensions lower this week that did not pass the alarm test, the largest fall first. */
        public List<Dimension> lower() {
            return signals.lower().stream()
                    .map(DisruptionDetector.Drop::dimension)
                    .toList();
        }
    }

    /** A leader's self-check differing from the team's view by a point or more on a dimension. */
    public record Gap(Dimension dimension, double self, double team) {}

    /** A nudge chosen for the digest: which, on which dimension, and why. */
    public record Chosen(String nudgeId, Dimension dimension, NudgeReason reason) {}

    /** The nudges chosen under the week's decision, and whether one was withheld on purpose this week. */
    public record Choice(List<Chosen> nudges, boolean withheld) {
        public Choice {
            nudges = List.copyOf(nudges);
        }
    }

    /** The team's reflection question, and one line on why with what it rests on. */
    public record Reflection(String question, String why) {}

    /** A leader's nudges of a period: how many went out, and how many the leader tried. */
    public record Period(int sent, int tried) {}

    private final NudgeSelector selector;
    private final NudgeCatalog catalog;
    private final NudgeMessages messages;
    private final QuarterlyReviews reviews;
    private final Optional<NudgeTrial> trial;
    private final DisruptionDetector detector = new DisruptionDetector();
    private final NudgeReview periods = new NudgeReview();

    DigestNudges(
            NudgeSelector selector,
            NudgeCatalog catalog,
            NudgeMessages messages,
            QuarterlyReviews reviews,
            Optional<NudgeTrial> trial) {
        this.selector = selector;
        this.catalog = catalog;
        this.messages = messages;
        this.reviews = reviews;
        this.trial = trial;
    }

    /**
     * What the pulse and the leader's self-check say (see {@link NudgeSelector#signals}).
     *
     * @param earlier published scores of at least the {@link #EARLIER_WEEKS} weeks before the pulse
     */
    public Signals signals(
            WeeklyPulse pulse, Map<WeekId, Map<Dimension, PublishedScore>> earlier, Map<Dimension, Integer> selfCheck) {
        return new Signals(selector.signals(Optional.of(pulse), earlier, selfCheck));
    }

    /** Gaps between the leader's self-check and the team's view, widest first. */
    public List<Gap> gaps(WeeklyPulse pulse, Map<Dimension, Integer> selfCheck) {
        return selector.gaps(pulse, selfCheck).stream()
                .map(g -> new Gap(g.dimension(), g.self(), g.team()))
                .toList();
    }

    /**
     * A leader's nudges from the pulse of {@code week}, under the week's randomised decision when nudges are
     * randomised (see {@link NudgeTrial#choose}).
     *
     * @param recentlySent ids of nudges this leader got in the last {@link #NO_REPEAT_WEEKS} weeks
     * @param rotation     a number that changes every week, for rotation
     */
    public Choice choose(
            long teamId,
            String leaderId,
            WeekId week,
            Language language,
            Signals signals,
            Set<String> recentlySent,
            int max,
            long rotation) {
        NudgeTrial.Choice choice = trial.isPresent()
                ? trial.get()
                        .choose(
                                selector,
                                teamId,
                                leaderId,
                                week,
                                language,
                                signals.signals,
                                recentlySent,
                                max,
                                rotation)
                : new NudgeTrial.Choice(
                        selector.choose(language, signals.signals, recentlySent, max, rotation), Optional.empty());
        return new Choice(
                choice.picks().stream()
                        .map(p -> new Chosen(p.nudge().id(), p.dimension(), p.reason()))
                        .toList(),
                choice.withheld());
    }

    /**
     * A nudge of the digest with its why and its buttons; empty when the catalog no longer has it or it names no
     * dimension.
     */
    public Optional<List<Block>> nudgeBlocks(Language language, SentNudge sent) {
        return catalog.find(language, sent.nudgeId())
                .filter(nudge -> sent.dimension().isPresent())
                .map(nudge -> messages.nudgeBlocks(
                        language, new NudgeSelector.Pick(nudge, sent.dimension().get(), sent.reason()), sent.id()));
    }

    /** An earlier nudge the leader has not reacted to, to react to now. */
    public Optional<List<Block>> earlierNudge(Language language, SentNudge sent) {
        return messages.earlierNudge(language, sent);
    }

    /** The team's reflection question for the pulse. */
    public Optional<Reflection> reflectionQuestion(Language language, WeeklyPulse pulse) {
        return selector.reflectionQuestion(language, pulse)
                .map(q -> new Reflection(q.text(), messages.whyLine(language, q)));
    }

    /** Whether a week closing on {@code closeDate} brings the leaders their quarterly review. */
    public boolean reviewDue(Team team, LocalDate closeDate) {
        return QuarterlyReviews.isDue(team, closeDate);
    }

    /**
     * The leader's quarterly review (see {@link QuarterlyReviews#review}).
     *
     * @param history published means by week and dimension, at least the {@link #REVIEW_WEEKS} weeks up to {@code
     *     week}
     */
    public Optional<ChatMessage> quarterlyReview(
            Team team, String leaderId, WeekId week, Map<WeekId, Map<Dimension, Double>> history) {
        return reviews.review(team, leaderId, week, history);
    }

    /**
     * The dimensions of a closed week that the digest called a possible disruption, by the same alarm test (see
     * {@link DisruptionDetector}).
     *
     * @param earlier published scores of at least the {@link #EARLIER_WEEKS} weeks before the pulse
     */
    public List<Dimension> disruptions(WeeklyPulse pulse, Map<WeekId, Map<Dimension, PublishedScore>> earlier) {
        return detector.assess(pulse, earlier).disruptions().stream()
                .map(DisruptionDetector.Drop::dimension)
                .toList();
    }

    /**
     * A leader's nudges of the weeks {@code since} to {@code current}, counted as {@link NudgeReview} counts them.
     *
     * @param nudges every nudge the leader got, with reactions
     */
    public Period period(List<SentNudge> nudges, WeekId since, WeekId current) {
        // The counts need no scores; only the comparison of tried and untried nudges does.
        NudgeReview.Review review = periods.review(nudges, Map.of(), since, current);
        return new Period(review.sent(), review.tried());
    }
}
