package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What the randomised nudges did across the whole deployment, per dimension and per nudge ("asking for dissent: +0.12
 * ± 0.07 on Safety, 41 leaders"), for the operators' report and for {@link LearnedProbabilities}. Outcomes are the
 * teams' published week means only (see {@link RandomisedEffect}); decisions of one team are one cluster, since its
 * leaders share its scores.
 */
public final class DeploymentEstimates {

    /** Measured decisions needed on each side before an estimate is given. */
    public static final int MIN_EACH = 5;
    /** The margin's two-sided level: 95 %. */
    public static final double ALPHA = 0.05;

    /** The decisions of one dimension, or of one nudge on it, with the estimate when there are enough. */
    public record Row(
            Dimension dimension,
            Optional<String> nudgeId,
            int leaders,
            RandomisedEffect.Counts counts,
            Optional<RandomisedEffect.Estimate> estimate) {}

    public record Report(List<Row> dimensions, List<Row> nudges) {
        public Report {
            dimensions = List.copyOf(dimensions);
            nudges = List.copyOf(nudges);
        }

        public Optional<Row> nudge(String nudgeId) {
            return nudges.stream()
                    .filter(r -> r.nudgeId().equals(Optional.of(nudgeId)))
                    .findFirst();
        }
    }

    private final DecisionLog decisions;
    private final PulseRepository pulses;

    DeploymentEstimates(DecisionLog decisions, PulseRepository pulses) {
        this.decisions = decisions;
        this.pulses = pulses;
    }

    /** The report over the decisions on pulses from {@code from} on whose outcome weeks have closed. */
    public Report report(WeekId from) {
        Map<Long, List<NudgeDecision>> byTeam = new TreeMap<>();
        for (NudgeDecision d : decisions.since(from)) {
            byTeam.computeIfAbsent(d.teamId(), t -> new ArrayList<>()).add(d);
        }
        List<Labelled> all = new ArrayList<>();
        for (Map.Entry<Long, List<NudgeDecision>> team : byTeam.entrySet()) {
            Optional<WeekId> lastClosed = pulses.latest(team.getKey()).map(WeeklyPulse::week);
            if (lastClosed.isEmpty()) {
                continue;
            }
            WeekId first = team.getValue().stream()
                    .map(NudgeDecision::week)
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            Map<WeekId, Map<Dimension, Double>> history = pulses.history(
                    team.getKey(),
                    first.minus(RandomisedEffect.PRE_WEEKS),
                    lastClosed.get().plus(1));
            for (NudgeDecision d : team.getValue()) {
                if (RandomisedEffect.measurable(d.week(), lastClosed.get())) {
                    all.add(new Labelled(
                            d, observation(d, RandomisedEffect.outcome(history, d.dimension(), d.week()))));
                }
            }
        }
        return report(all);
    }

    /** A decision as an observation: clustered by team, counted by leader. */
    static RandomisedEffect.Observation observation(NudgeDecision d, OptionalDouble outcome) {
        return new RandomisedEffect.Observation(
                "team " + d.teamId(), d.teamId() + "/" + d.leaderId(), d.probability(), d.sent(), outcome);
    }

    record Labelled(NudgeDecision decision, RandomisedEffect.Observation observation) {}

    static Report report(List<Labelled> all) {
        Map<Dimension, List<Labelled>> byDimension = new EnumMap<>(Dimension.class);
        Map<String, List<Labelled>> byNudge = new TreeMap<>();
        for (Labelled l : all) {
            byDimension
                    .computeIfAbsent(l.decision().dimension(), x -> new ArrayList<>())
                    .add(l);
            byNudge.computeIfAbsent(l.decision().nudgeId(), x -> new ArrayList<>())
                    .add(l);
        }
        List<Row> dimensions = new ArrayList<>();
        byDimension.forEach((d, list) -> dimensions.add(row(d, Optional.empty(), list)));
        List<Row> nudges = new ArrayList<>();
        byNudge.forEach((n, list) -> nudges.add(row(mostCommonDimension(list), Optional.of(n), list)));
        return new Report(dimensions, nudges);
    }

    private static Row row(Dimension d, Optional<String> nudgeId, List<Labelled> list) {
        List<RandomisedEffect.Observation> observations =
                list.stream().map(Labelled::observation).toList();
        long leaders = observations.stream()
                .map(RandomisedEffect.Observation::leader)
                .distinct()
                .count();
        return new Row(
                d,
                nudgeId,
                (int) leaders,
                RandomisedEffect.counts(observations),
                RandomisedEffect.estimate(observations, MIN_EACH, ALPHA));
    }

    /** A nudge belongs to one dimension in the catalog; the decisions say which. */
    private static Dimension mostCommonDimension(List<Labelled> list) {
        Map<Dimension, Integer> counts = new HashMap<>();
        list.forEach(l -> counts.merge(l.decision().dimension(), 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
    }
}
