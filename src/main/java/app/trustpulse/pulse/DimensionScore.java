package app.trustpulse.pulse;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One dimension in a week's pulse. Mean and change are empty when withheld (too few answers)
 * or, for the change, when last week had no published score. The spread (sample standard deviation of
 * the answers) exists only beside a published mean of at least two answers, so a withheld dimension
 * keeps nothing that could be worked back to a person; it feeds the alarm test and is never shown.
 * The trend holds the last eight weeks, oldest first, this week last; a week without a published score is empty.
 */
public record DimensionScore(
        Dimension dimension,
        OptionalDouble mean,
        int answers,
        OptionalDouble spread,
        OptionalDouble change,
        List<Optional<Double>> trend) {

    public DimensionScore {
        trend = List.copyOf(trend);
        if (mean.isEmpty() && spread.isPresent()) {
            throw new IllegalArgumentException("a withheld dimension has no spread");
        }
    }

    public boolean withheld() {
        return mean.isEmpty();
    }

    /** What the alarm test needs of this week, when the mean is published. */
    public Optional<PublishedScore> published() {
        return withheld() ? Optional.empty() : Optional.of(new PublishedScore(mean.getAsDouble(), answers, spread));
    }
}
