package app.trustpulse.bench;

import java.util.Collections;
import java.util.Map;

/**
 * When each workspace or tenant of a host benchmark's round finished, in seconds after the round began: the first
 * and the last of them, whose difference is the fairness figure. NaN when no post landed at all, so a round that
 * reached nobody prints as such rather than as a time.
 */
public record Finishes(Map<String, Double> each) {

    public double first() {
        return each.isEmpty() ? Double.NaN : Collections.min(each.values());
    }

    public double last() {
        return each.isEmpty() ? Double.NaN : Collections.max(each.values());
    }
}
