package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The effect of sending a nudge against withholding it, from randomised decisions weighted by their logged
 * probabilities.
 *
 * <p>The outcome of a decision is the change of the team's published mean on the decision's dimension: the mean of
 * weeks {@link #POST_FROM}..{@link #POST_TO} after the pulse it was decided on, minus the mean of that pulse's week
 * and the week before. A week withheld by the anonymity threshold has no mean; a decision with no published week on
 * either side has a missing outcome and is left out (counted, so the report can show how many).
 *
 * <p>The estimate is the weighted-and-centred least-squares estimate of micro-randomised trials without moderators,
 * which comes down to a difference of two weighted means: weeks where the nudge was sent, each weighted 1/p, against
 * weeks where it was withheld, each weighted 1/(1 − p). Because every decision was drawn with its logged p, the
 * weighting undoes any preference in the probabilities (for example the digest sending what worked more often). The
 * standard error is the sandwich (linearisation) estimate, with decisions grouped in clusters whose outcomes may be
 * correlated (the weeks of one team).
 */
public final class RandomisedEffect {

    /** A nudge sent when a week closes is tried in the next week and can show in the week after. */
    public static final int POST_FROM = 2;

    public static final int POST_TO = 3;
    /** The decision's own pulse week and the week before it. */
    public static final int PRE_WEEKS = 2;

    private RandomisedEffect() {}

    /** One decision with its outcome, if measured. */
    public record Observation(
            String cluster, String leader, double probability, boolean sent, OptionalDouble outcome) {}

    /**
     * effect ± margin; {@code sent} and {@code withheld} count decisions with an outcome, {@code missing...} those
     * without.
     */
    public record Estimate(
            double effect,
            double standardError,
            double margin,
            int sent,
            int withheld,
            int missingSent,
            int missingWithheld,
            int leaders,
            int clusters) {

        /** Above zero by more than its margin. */
        public boolean higher() {
            return effect - margin > 0;
        }

        /** Below zero by more than its margin. */
        public boolean lower() {
            return effect + margin < 0;
        }
    }

    /** Counts of a set of decisions, with or without an estimate. */
    public record Counts(int sent, int withheld, int missingSent, int missingWithheld) {}

    /** Whether the outcome of a decision on {@code week}'s pulse can be measured once {@code lastClosed} has closed. */
    public static boolean measurable(WeekId week, WeekId lastClosed) {
        return week.plus(POST_TO).compareTo(lastClosed) <= 0;
    }

    /** The change on the dimension after the decision's pulse; empty when a side has no published week. */
    public static OptionalDouble outcome(Map<WeekId, Map<Dimension, Double>> history, Dimension d, WeekId week) {
        OptionalDouble before = mean(history, d, week.minus(PRE_WEEKS - 1), week);
        OptionalDouble after = mean(history, d, week.plus(POST_FROM), week.plus(POST_TO));
        if (before.isEmpty() || after.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(after.getAsDouble() - before.getAsDouble());
    }

    public static Counts counts(List<Observation> observations) {
        int sent = 0;
        int withheld = 0;
        int missingSent = 0;
        int missingWithheld = 0;
        for (Observation o : observations) {
            if (o.sent()) {
                if (o.outcome().isPresent()) {
                    sent++;
                } else {
                    missingSent++;
                }
            } else if (o.outcome().isPresent()) {
                withheld++;
            } else {
                missingWithheld++;
            }
        }
        return new Counts(sent, withheld, missingSent, missingWithheld);
    }

    /**
     * The estimate, when each side has at least {@code minEach} measured decisions and there are at least two clusters.
     *
     * @param alpha the two-sided level of the margin: the margin is the Student t quantile of 1 − alpha/2 (degrees of
     *     freedom: the number of clusters minus one) times the standard error
     */
    public static Optional<Estimate> estimate(List<Observation> observations, int minEach, double alpha) {
        return estimate(observations, minEach, alpha, false);
    }

    /**
     * The estimate for one leader's decisions, each its own cluster, with small-sample care: each side's variance is
     * corrected for its own degrees of freedom, and the margin takes the degrees of freedom of the smaller side
     * (Welch's conservative choice). A few weeks, some of them sharing outcome weeks, otherwise give margins that are
     * too narrow.
     */
    public static Optional<Estimate> estimateForOneLeader(List<Observation> observations, int minEach, double alpha) {
        return estimate(observations, minEach, alpha, true);
    }

    private static Optional<Estimate> estimate(
            List<Observation> observations, int minEach, double alpha, boolean oneLeader) {
        Counts counts = counts(observations);
        if (counts.sent() < minEach || counts.withheld() < minEach) {
            return Optional.empty();
        }
        double weightSent = 0;
        double weightWithheld = 0;
        double sumSent = 0;
        double sumWithheld = 0;
        for (Observation o : observations) {
            if (o.outcome().isEmpty()) {
                continue;
            }
            double y = o.outcome().getAsDouble();
            if (o.sent()) {
                weightSent += 1 / o.probability();
                sumSent += y / o.probability();
            } else {
                weightWithheld += 1 / (1 - o.probability());
                sumWithheld += y / (1 - o.probability());
            }
        }
        double meanSent = sumSent / weightSent;
        double meanWithheld = sumWithheld / weightWithheld;
        // Linearisation of the two weighted means, summed per cluster.
        Map<String, Double> influence = new HashMap<>();
        double squaresSent = 0;
        double squaresWithheld = 0;
        Set<String> leaders = new HashSet<>();
        for (Observation o : observations) {
            if (o.outcome().isEmpty()) {
                continue;
            }
            double y = o.outcome().getAsDouble();
            double psi = o.sent()
                    ? (y - meanSent) / o.probability() / weightSent
                    : -(y - meanWithheld) / (1 - o.probability()) / weightWithheld;
            influence.merge(oneLeader ? "week " + influence.size() : o.cluster(), psi, Double::sum);
            if (o.sent()) {
                squaresSent += psi * psi;
            } else {
                squaresWithheld += psi * psi;
            }
            leaders.add(o.leader());
        }
        int clusters = influence.size();
        if (clusters < 2) {
            return Optional.empty();
        }
        double variance;
        double degreesOfFreedom;
        if (oneLeader) {
            variance = squaresSent * counts.sent() / (counts.sent() - 1.0)
                    + squaresWithheld * counts.withheld() / (counts.withheld() - 1.0);
            degreesOfFreedom = Math.min(counts.sent(), counts.withheld()) - 1.0;
        } else {
            double squares = 0;
            for (double psi : influence.values()) {
                squares += psi * psi;
            }
            variance = squares * clusters / (clusters - 1.0);
            degreesOfFreedom = clusters - 1.0;
        }
        double standardError = Math.sqrt(variance);
        double margin = Quantiles.studentUpper(Quantiles.normalUpper(alpha / 2), degreesOfFreedom) * standardError;
        return Optional.of(new Estimate(
                meanSent - meanWithheld,
                standardError,
                margin,
                counts.sent(),
                counts.withheld(),
                counts.missingSent(),
                counts.missingWithheld(),
                leaders.size(),
                clusters));
    }

    private static OptionalDouble mean(
            Map<WeekId, Map<Dimension, Double>> history, Dimension d, WeekId from, WeekId to) {
        double sum = 0;
        int weeks = 0;
        for (WeekId w = from; w.compareTo(to) <= 0; w = w.plus(1)) {
            Double v = history.getOrDefault(w, Map.of()).get(d);
            if (v != null) {
                sum += v;
                weeks++;
            }
        }
        return weeks == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / weeks);
    }
}
