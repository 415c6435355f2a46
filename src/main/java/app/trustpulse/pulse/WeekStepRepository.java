package app.trustpulse.pulse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The steps that follow a week close, each done once on its own: the channel post, the feedback release and each
 * leader's digest. A step is planned with a delivery id, claimed by one sender, and done; the claim of a sender whose
 * instance died (or one older than the claim timeout) is taken back, and the new sender looks for the delivery id
 * before it sends.
 */
public interface WeekStepRepository {

    /** NUDGE is a leader's mid-week nudge of a day: recipient "dayOfWeek:leader". */
    enum Step {
        PULSE,
        FEEDBACK,
        DIGEST,
        NUDGE
    }

    enum Status {
        PENDING,
        SENDING,
        DONE
    }

    record State(Step step, String recipient, Status status, int attempts) {}

    record TeamWeek(long teamId, WeekId week) {}

    /** Plans a step unless it is planned already. {@code recipient} is the leader of a digest, "" otherwise. */
    void plan(long teamId, WeekId week, Step step, String recipient);

    /** Claims a PENDING step, or a SENDING one of a dead instance or claimed before {@code staleBefore}; else empty. */
    Optional<DeliveryClaim> claim(
            long teamId, WeekId week, Step step, String recipient, Instant now, Instant staleBefore);

    void done(long teamId, WeekId week, Step step, String recipient, Instant at);

    /** Gives a claimed step back after a failure, keeping its delivery id for the next try. */
    void release(long teamId, WeekId week, Step step, String recipient, String error);

    List<State> of(long teamId, WeekId week);

    /** Weeks closed since the given moment whose close never planned its steps, or with steps not done yet. */
    List<TeamWeek> unfinished(Instant closedSince, int maxAttempts);
}
