package app.trustpulse.pulse;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One dimension in a week's pulse. Mean and change are empty when withheld (too few answers)
 * or, for the change, when last week had no published score. The trend holds the last eight weeks,
 * oldest first, this week last; a week without a published score is empty.
 */
public record DimensionScore(
        Dimension dimension,
        OptionalDouble mean,
        int answers,
        OptionalDouble change,
        List<Optional<Double>> trend) {

    public DimensionScore {
        trend = List.copyOf(trend);
    }

    public boolean withheld() {
        return mean.isEmpty();
    }
}
