package app.trustpulse.pulse;

import java.util.List;
import java.util.Optional;

/**
 * A team's pulse for one week, already passed through the anonymity policy: nothing in it
 * reveals a score that fewer than the team's threshold of people gave.
 */
public record WeeklyPulse(
        long teamId,
        WeekId week,
        int asked,
        int answered,
        int threshold,
        boolean withheld,
        List<DimensionScore> dimensions,
        Optional<Dimension> strongest,
        Optional<Dimension> weakest) {

    public WeeklyPulse {
        dimensions = List.copyOf(dimensions);
    }

    public Optional<DimensionScore> score(Dimension d) {
        return dimensions.stream().filter(s -> s.dimension() == d).findFirst();
    }

    /** The published mean of a dimension, if any. */
    public Optional<Double> mean(Dimension d) {
        return score(d).filter(s -> !s.withheld()).map(s -> s.mean().getAsDouble());
    }
}
