package app.trustpulse.pulse;

import java.util.Optional;

/**
 * The one rule of anonymity, asked by everything that shows or stores what people said: an aggregate, feedback or a
 * comment is shown only when at least the team's threshold of different people gave it, and no team's threshold is
 * below {@link #MINIMUM_THRESHOLD} (with fewer, one person's answer could be worked out).
 */
public final class AnonymityPolicy {

    public static final int MINIMUM_THRESHOLD = 3;
    /** A higher threshold would withhold nearly every pulse of a team of ordinary size. */
    public static final int MAXIMUM_THRESHOLD = 50;

    /** Why a threshold cannot be set. */
    public enum ThresholdProblem {
        TOO_LOW,
        TOO_HIGH
    }

    private AnonymityPolicy() {}

    /** Whether what this many different people gave may be shown under the threshold. */
    public static boolean mayShow(long distinctPeople, int threshold) {
        requireAllowed(threshold);
        return distinctPeople >= threshold;
    }

    /** Whether what this many different people gave may be shown in the team. */
    public static boolean mayShow(Team team, long distinctPeople) {
        return mayShow(distinctPeople, team.threshold());
    }

    /** A threshold a team may be given, or what is wrong with it. */
    public static Optional<ThresholdProblem> checkSetting(int threshold) {
        if (threshold < MINIMUM_THRESHOLD) {
            return Optional.of(ThresholdProblem.TOO_LOW);
        }
        return threshold > MAXIMUM_THRESHOLD ? Optional.of(ThresholdProblem.TOO_HIGH) : Optional.empty();
    }

    /** Refuses, as a programming error, a threshold below the minimum wherever one is used. */
    public static int requireAllowed(int threshold) {
        if (threshold < MINIMUM_THRESHOLD) {
            throw new IllegalArgumentException("anonymity threshold " + threshold + " is below " + MINIMUM_THRESHOLD);
        }
        return threshold;
    }
}
