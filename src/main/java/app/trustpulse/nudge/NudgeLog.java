package app.trustpulse.nudge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of sent nudges and reactions. */
public interface NudgeLog {

    /** Stores a sent nudge; the given id is ignored and the stored id returned. */
    long record(SentNudge nudge);

    List<SentNudge> ofLeader(long teamId, String leaderId, Instant since);

    Optional<SentNudge> find(long id);

    /** Erases what was sent to a leader who asked to be forgotten. */
    int countOfLeader(long teamId, String leaderId);

    int deleteOfLeader(long teamId, String leaderId);

    /** Stores the leader's reaction; false when the nudge is not that leader's. */
    boolean react(long id, String leaderId, SentNudge.Reaction reaction, Instant at);
}
