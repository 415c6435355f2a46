package app.trustpulse.pulse;

import java.time.Instant;
import java.util.Optional;

/**
 * A conversation about one released anonymous feedback: leaders answer under the quoted feedback in the team's
 * channel, the writer answers back from their DM, until {@code closesAt} or until a leader closes it. It names no one:
 * the way back to the writer is kept apart, sealed, and destroyed when the thread closes.
 *
 * @param postRef where the quoted feedback was posted in the channel (an encoded message reference); empty while the
 *                leader who opened the thread is still posting it
 */
public record FeedbackThread(
        long id, long teamId, long feedbackId, Optional<String> postRef, Instant closesAt, boolean closed) {

    /** Whether the writer may still answer and leaders still post in it. */
    public boolean openAt(Instant now) {
        return !closed && now.isBefore(closesAt);
    }
}
