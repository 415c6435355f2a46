package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a sharp drop, treated as a possible disruption (Six, 2004): a fall of 1.0 or more against the
 * previous week, or of 0.7 or more against the mean of the four weeks before. Only published scores
 * count, so both weeks had at least the threshold number of answers.
 */
public final class DisruptionDetector {

    public static final double WEEK_DROP = 1.0;
    public static final double TREND_DROP = 0.7;
    static final int TREND_WEEKS = 4;
    /** A four-week mean of a single week is just last week again. */
    static final int MIN_TREND_WEEKS = 2;
    private static final double EPSILON = 1e-9;

    public record Drop(Dimension dimension, double fall) {
    }

    public Optional<Drop> sharpestDrop(WeeklyPulse pulse, Map<WeekId, Map<Dimension, Double>> history) {
        Drop sharpest = null;
        for (Dimension d : Dimension.inModelOrder()) {
            Optional<Double> now = pulse.mean(d);
            if (now.isEmpty()) {
                continue;
            }
            double fall = 0;
            Double last = history.getOrDefault(pulse.week().minus(1), Map.of()).get(d);
            if (last != null && last - now.get() >= WEEK_DROP - EPSILON) {
                fall = last - now.get();
            }
            double sum = 0;
            int weeks = 0;
            for (int back = 1; back <= TREND_WEEKS; back++) {
                Double v = history.getOrDefault(pulse.week().minus(back), Map.of()).get(d);
                if (v != null) {
                    sum += v;
                    weeks++;
                }
            }
            if (weeks >= MIN_TREND_WEEKS && sum / weeks - now.get() >= TREND_DROP - EPSILON) {
                fall = Math.max(fall, sum / weeks - now.get());
            }
            if (fall > 0 && (sharpest == null || fall > sharpest.fall() + EPSILON)) {
                sharpest = new Drop(d, fall);
            }
        }
        return Optional.ofNullable(sharpest);
    }
}
