package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Prefers what works without breaking the randomisation: a nudge whose deployment-wide estimate is clearly positive
 * is sent more often, one that looks harmful less often. p = 1/2 + {@link #STEP} × (effect / standard error), within
 * the floor and the ceiling of {@link NudgeTrial}; 1/2 until the nudge has an estimate from at least
 * {@link #MIN_LEADERS} leaders. The estimates are recomputed at most once a day.
 */
final class LearnedProbabilities implements NudgeTrial.Probabilities {

    public static final double STEP = 0.1;
    public static final int MIN_LEADERS = 10;
    /** The estimates rest on the last two years of decisions. */
    static final int YEARS_WEEKS = 104;

    private static final Duration FRESH = Duration.ofDays(1);

    private final DeploymentEstimates estimates;
    private final Clock clock;
    private DeploymentEstimates.Report report;
    private Instant computedAt = Instant.MIN;

    LearnedProbabilities(DeploymentEstimates estimates, Clock clock) {
        this.estimates = estimates;
        this.clock = clock;
    }

    @Override
    public synchronized double of(Dimension dimension, String nudgeId) {
        Instant now = clock.instant();
        if (report == null || computedAt.plus(FRESH).isBefore(now)) {
            report = estimates.report(WeekId.of(now, ZoneOffset.UTC).minus(YEARS_WEEKS));
            computedAt = now;
        }
        return report.nudge(nudgeId)
                .filter(r -> r.leaders() >= MIN_LEADERS)
                .flatMap(DeploymentEstimates.Row::estimate)
                .filter(e -> e.standardError() > 0)
                .map(e -> probability(e.effect() / e.standardError()))
                .orElse(NudgeTrial.EVEN);
    }

    /** The probability for an estimate of {@code t} standard errors. */
    public static double probability(double t) {
        return NudgeTrial.bounded(NudgeTrial.EVEN + STEP * t);
    }
}
