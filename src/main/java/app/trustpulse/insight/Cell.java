package app.trustpulse.insight;

import java.util.OptionalDouble;

/** One dimension in one closed week as anyone may see it: a mean only when enough people answered. */
public record Cell(OptionalDouble mean, int answers) {

    public static Cell withheldCell() {
        return new Cell(OptionalDouble.empty(), 0);
    }

    public boolean withheld() {
        return mean.isEmpty();
    }
}
