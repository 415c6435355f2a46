package app.trustpulse.pulse;

import java.util.OptionalDouble;

/**
 * A published weekly score of one dimension with what a statistical test needs: the number of answers
 * behind the mean and their spread (sample standard deviation; empty for weeks closed before it was kept).
 */
public record PublishedScore(double mean, int answers, OptionalDouble spread) {

    public PublishedScore {
        if (answers < 1) {
            throw new IllegalArgumentException("a published score has answers");
        }
    }
}
