package app.trustpulse.pulse;

/**
 * How far a week that is still open has come, told in bands rather than counts. An exact count that moves one
 * answer at a time would let a leader watching it learn who answered when; bands move rarely, and the exact
 * numbers appear with the pulse once the week is closed.
 */
public enum OpenWeekParticipation {

    /** Fewer answers than the team's threshold so far. */
    BELOW_THRESHOLD,
    /** The threshold is reached; fewer than half of those asked answered. */
    SOME,
    /** Half of those asked or more. */
    HALF,
    /** Four in five of those asked or more. */
    MOST;

    public static OpenWeekParticipation of(long answered, long asked, int threshold) {
        if (!AnonymityPolicy.mayShow(answered, threshold)) {
            return BELOW_THRESHOLD;
        }
        long of = Math.max(asked, answered);
        if (answered * 5 >= of * 4) {
            return MOST;
        }
        return answered * 2 >= of ? HALF : SOME;
    }
}
