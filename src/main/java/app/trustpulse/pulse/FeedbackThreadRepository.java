package app.trustpulse.pulse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of feedback threads and of the sealed way back to each thread's writer. The writer's id is never stored in
 * clear, never returned with a thread, and deleted when the thread closes.
 */
public interface FeedbackThreadRepository {

    Optional<FeedbackThread> find(long teamId, long feedbackId);

    /**
     * Opens the thread of a feedback with the way back to its writer ({@code writerId}, empty when the writer is no
     * longer on the team), unless it is open already; empty when someone else opened it first.
     */
    Optional<FeedbackThread> open(long teamId, long feedbackId, Instant closesAt, String writerId);

    /** Records where the quoted feedback was posted. */
    void posted(long threadId, String postRef);

    /** Takes back a thread whose quote could not be posted, so that the next try opens it afresh. */
    void abandon(long threadId);

    /** The writer's platform id, opened from its seal; empty when the thread is closed or the writer was not found. */
    Optional<String> writer(FeedbackThread thread);

    /** Keeps a line as it was posted in the thread in the channel, after the ones before it. */
    void keepReply(long threadId, String text);

    /** The lines posted in the thread, in the order they were posted; never who wrote them beyond what they say. */
    List<String> replies(long threadId);

    /** Closes a thread and destroys the way back to its writer; false when it was closed already. */
    boolean close(long threadId);

    /** Closes every thread whose time is up and destroys the way back to their writers; returns how many closed. */
    int closeExpired(Instant now);
}
