package app.trustpulse.pulse;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Storage of closed weeks and their pulses. (team, week) is unique: a week closes once. */
public interface PulseRepository {

    /** Claims the close of a week; false when the week was already closed. */
    boolean claimClose(long teamId, WeekId week, Instant at);

    boolean isClosed(long teamId, WeekId week);

    void save(WeeklyPulse pulse);

    /**
     * Runs {@code storing} with the claimed week locked, in one transaction: two closes of the same week at once (two
     * commands, two instances, a retry beside the schedule) run it one after the other, and the second sees what the
     * first stored. Without it the second could compute the week again after the first destroyed its answers and
     * store an empty pulse over the real one.
     */
    void exclusively(long teamId, WeekId week, Runnable storing);

    void markPosted(long teamId, WeekId week, Instant at);

    Optional<WeeklyPulse> find(long teamId, WeekId week);

    Optional<WeeklyPulse> latest(long teamId);

    /** Published means of the weeks in [from, to), by week and dimension. */
    Map<WeekId, Map<Dimension, Double>> history(long teamId, WeekId from, WeekId toExclusive);

    /** Published scores with their number of answers and spread, of the weeks in [from, to), by week and dimension. */
    Map<WeekId, Map<Dimension, PublishedScore>> publishedScores(long teamId, WeekId from, WeekId toExclusive);
}
