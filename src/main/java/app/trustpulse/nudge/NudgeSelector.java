package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses nudges for a leader from what the team's published pulse shows: a drop that passes the alarm test first (as
 * a possible disruption, see {@link DisruptionDetector}), then the focus the leader chose with their promise or,
 * without one, the dimension that fell most against its own usual level (in the alarm test's standard errors; raw
 * means of different dimensions are never compared, since their statements differ in how easy they are to agree
 * with), then the widest gap between the leader's self-check and the team's view; when nothing stands out, it rotates
 * through the six. A nudge a leader got in the last six weeks is never chosen again. Only published (non-withheld)
 * scores are used, so the choice itself reveals nothing the channel does not see.
 */
final class NudgeSelector {

    public static final int NO_REPEAT_WEEKS = 6;
    /** A self-check differing from the team's view by this much or more is a gap worth naming. */
    public static final double GAP = 1.0;

    private final NudgeCatalog catalog;
    private final DisruptionDetector disruptions = new DisruptionDetector();

    NudgeSelector(NudgeCatalog catalog) {
        this.catalog = catalog;
    }

    public record Pick(Nudge nudge, Dimension dimension, NudgeReason reason) {}

    /** What the latest pulse and the leader's self-check say. */
    public record Signals(
            Optional<DisruptionDetector.Drop> drop,
            List<DisruptionDetector.Drop> lower,
            Optional<Dimension> falling,
            List<Gap> gaps) {
        public Signals {
            lower = List.copyOf(lower);
            gaps = List.copyOf(gaps);
        }

        /** The widest gap, if any. */
        public Optional<Gap> gap() {
            return gaps.stream().findFirst();
        }

        /** The same signals once the alarm has been told: one fall, one message. */
        public Signals withoutDrop() {
            return new Signals(Optional.empty(), lower, falling, gaps);
        }
    }

    public record Gap(Dimension dimension, double self, double team) {
        public double size() {
            return Math.abs(self - team);
        }
    }

    /**
     * @param earlier published scores of at least the {@link DisruptionDetector#HISTORY_WEEKS} weeks before the pulse
     */
    public Signals signals(
            Optional<WeeklyPulse> pulse,
            Map<WeekId, Map<Dimension, PublishedScore>> earlier,
            Map<Dimension, Integer> selfCheck) {
        if (pulse.isEmpty() || pulse.get().withheld()) {
            return new Signals(Optional.empty(), List.of(), Optional.empty(), List.of());
        }
        WeeklyPulse p = pulse.get();
        DisruptionDetector.Assessment assessment = disruptions.assess(p, earlier);
        return new Signals(
                assessment.strongest(),
                assessment.lower(),
                assessment.falling().map(DisruptionDetector.Drop::dimension),
                gaps(p, selfCheck));
    }

    /** Gaps of at least {@link #GAP}, widest first. */
    public List<Gap> gaps(WeeklyPulse pulse, Map<Dimension, Integer> selfCheck) {
        List<Gap> gaps = new ArrayList<>();
        for (Map.Entry<Dimension, Integer> e : selfCheck.entrySet()) {
            pulse.mean(e.getKey()).ifPresent(team -> {
                Gap g = new Gap(e.getKey(), e.getValue(), team);
                if (g.size() >= GAP - 1e-9) {
                    gaps.add(g);
                }
            });
        }
        gaps.sort((a, b) -> Double.compare(b.size(), a.size()));
        return gaps;
    }

    /**
     * @param recentlySent ids of nudges this leader got in the last {@link #NO_REPEAT_WEEKS} weeks
     * @param rotation     a number that changes every time (e.g. week ordinal and occasion), for rotation
     */
    public List<Pick> choose(Language language, Signals signals, Set<String> recentlySent, int max, long rotation) {
        return choose(language, signals, recentlySent, max, rotation, Set.of());
    }

    /**
     * As {@link #choose(Language, Signals, Set, int, long)}, but no nudge on the dimensions in {@code withheld} other
     * than an alarm's: a randomised decision withheld them this week (see {@link NudgeTrial}).
     */
    public List<Pick> choose(
            Language language,
            Signals signals,
            Set<String> recentlySent,
            int max,
            long rotation,
            Set<Dimension> withheld) {
        return choose(language, signals, recentlySent, max, rotation, withheld, Optional.empty());
    }

    /**
     * As {@link #choose(Language, Signals, Set, int, long, Set)}, with the focus the leader chose: when present it
     * takes the place of the dimension that fell most ({@link NudgeReason#FOCUS} instead of {@link
     * NudgeReason#FALLING}); an alarm still goes first, to the dimension that fell.
     */
    public List<Pick> choose(
            Language language,
            Signals signals,
            Set<String> recentlySent,
            int max,
            long rotation,
            Set<Dimension> withheld,
            Optional<Dimension> chosenFocus) {
        Map<Dimension, NudgeReason> wanted = new LinkedHashMap<>();
        signals.drop().ifPresent(d -> wanted.putIfAbsent(d.dimension(), NudgeReason.DROP));
        if (chosenFocus.isPresent()) {
            chosenFocus.filter(d -> !withheld.contains(d)).ifPresent(d -> wanted.putIfAbsent(d, NudgeReason.FOCUS));
        } else {
            signals.falling()
                    .filter(d -> !withheld.contains(d))
                    .ifPresent(d -> wanted.putIfAbsent(d, NudgeReason.FALLING));
        }
        // The widest gap on a dimension not chosen already.
        signals.gaps().stream()
                .filter(g -> !wanted.containsKey(g.dimension()) && !withheld.contains(g.dimension()))
                .findFirst()
                .ifPresent(g -> wanted.put(g.dimension(), NudgeReason.GAP));
        List<Dimension> all = Dimension.inModelOrder();
        for (int i = 0; i < all.size(); i++) {
            Dimension d = all.get((int) Math.floorMod(rotation + i, 6L));
            if (!withheld.contains(d)) {
                wanted.putIfAbsent(d, NudgeReason.ROTATION);
            }
        }
        Set<String> used = new HashSet<>(recentlySent);
        List<Pick> picks = new ArrayList<>();
        boolean hasSignal = wanted.containsValue(NudgeReason.DROP)
                || wanted.containsValue(NudgeReason.FALLING)
                || wanted.containsValue(NudgeReason.FOCUS)
                || wanted.containsValue(NudgeReason.GAP);
        // With nothing standing out, one rotating nudge is enough.
        int limit = hasSignal ? max : Math.min(max, 1);
        for (Map.Entry<Dimension, NudgeReason> e : wanted.entrySet()) {
            if (picks.size() >= limit) {
                break;
            }
            // Rotation fills the list only when nothing stood out, or as a stand-in when signalled nudges ran out.
            if (e.getValue() == NudgeReason.ROTATION && hasSignal && !picks.isEmpty()) {
                break;
            }
            List<Nudge> candidates = e.getValue() == NudgeReason.DROP
                    ? catalog.disruptionNudges(language)
                    : catalog.leaderNudges(language, e.getKey());
            NudgeCatalog.rotated(candidates, rotation).stream()
                    .filter(n -> !used.contains(n.id()))
                    .findFirst()
                    .ifPresent(n -> {
                        used.add(n.id());
                        picks.add(new Pick(n, e.getKey(), e.getValue()));
                    });
        }
        return picks;
    }

    /** The team reflection question for a week: from the weakest dimension, else rotating. */
    public Optional<Nudge> reflectionQuestion(Language language, WeeklyPulse pulse) {
        Dimension d = pulse.weakest()
                .orElse(Dimension.byNumber((int) Math.floorMod(pulse.week().ordinal(), 6L) + 1));
        List<Nudge> questions = NudgeCatalog.rotated(
                catalog.reflectionQuestions(language, d), pulse.week().ordinal());
        return questions.stream().findFirst();
    }
}
