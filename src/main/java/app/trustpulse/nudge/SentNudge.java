package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.util.Optional;

/** A nudge as sent to one leader, and how the leader reacted. */
public record SentNudge(
        long id,
        long teamId,
        String leaderId,
        String nudgeId,
        Optional<Dimension> dimension,
        NudgeReason reason,
        WeekId week,
        Occasion occasion,
        Instant sentAt,
        Optional<Reaction> reaction) {

    /** The same nudge under the id it was stored with. */
    public SentNudge withId(long storedId) {
        return new SentNudge(storedId, teamId, leaderId, nudgeId, dimension, reason, week, occasion, sentAt, reaction);
    }

    public enum Occasion {
        DIGEST,
        MIDWEEK
    }

    public enum Reaction {
        TRIED,
        NOT_YET
    }
}
