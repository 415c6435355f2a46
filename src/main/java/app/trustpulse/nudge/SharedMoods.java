package app.trustpulse.nudge;

/**
 * How a team's shared weekly moods weigh in the alarm test. Moods last: a bad week is often followed by another
 * (modelled as AR(1) with correlation {@link #PERSISTENCE}), which makes a two-week window move more than
 * independent weeks would, and makes the baseline's own weeks look calmer than they are. Both are corrected by one
 * factor: the variance of (window mean − baseline mean) over the variance the baseline's weekly means show.
 */
final class SharedMoods {

    /** The persistence the test allows for; moods that last longer would raise more alarms than promised. */
    static final double PERSISTENCE = 0.5;

    private SharedMoods() {}

    /**
     * Var(mean of the window − mean of the baseline) / E[sample variance of the baseline's weekly means], for a
     * window of {@code window} weeks right after a baseline of {@code baseline} consecutive weeks.
     */
    static double differenceFactor(int window, int baseline) {
        double baselineVariance = blockVariance(baseline);
        double difference = blockVariance(window) + baselineVariance - 2 * crossCovariance(window, baseline);
        double seenInBaseline = baseline / (baseline - 1.0) * (1 - baselineVariance);
        return difference / seenInBaseline;
    }

    /** Var(window mean − baseline mean) with persistent moods over the same without, for the same weeks. */
    static double persistenceFactor(int window, int baseline) {
        double difference = blockVariance(window) + blockVariance(baseline) - 2 * crossCovariance(window, baseline);
        return difference / (1.0 / window + 1.0 / baseline);
    }

    private static double crossCovariance(int window, int baseline) {
        double covariance = 0;
        for (int i = 0; i < window; i++) {
            for (int j = window; j < window + baseline; j++) {
                covariance += Math.pow(PERSISTENCE, j - i);
            }
        }
        return covariance / ((double) window * baseline);
    }

    /** The variance of the mean of {@code weeks} consecutive weeks, each of variance 1. */
    private static double blockVariance(int weeks) {
        double sum = 0;
        for (int i = 0; i < weeks; i++) {
            for (int j = 0; j < weeks; j++) {
                sum += Math.pow(PERSISTENCE, Math.abs(i - j));
            }
        }
        return sum / ((double) weeks * weeks);
    }
}
