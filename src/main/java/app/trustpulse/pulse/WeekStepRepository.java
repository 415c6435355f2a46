package app.trustpulse.pulse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Steps done once each, on their own: those that follow a week close (the channel post, the feedback release and each
 * leader's digest; their order is declared in {@code summary.WeekSequence}) and each leader's mid-week nudge. A step is
 * planned with a delivery id, claimed by one sender, and done; the claim of a sender whose instance died (or one older
 * than the claim timeout) is taken back, and the new sender looks for the delivery id before it sends.
 */
public interface WeekStepRepository {

    /** The names of the steps, stored as they are spelled here; nothing else spells them. */
    enum Step {
        /** The week's pulse in the team's channel; recipient "". */
        PULSE,
        /** The week's feedback released to the leaders; recipient "". */
        FEEDBACK,
        /** A leader's weekly digest; recipient the leader. */
        DIGEST,
        /** A leader's mid-week nudge of a scheduled round, not part of the week close; recipient "round:leader". */
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

    /**
     * Weeks closed since the given moment whose close never planned its steps, or with steps not done yet (tried fewer
     * than {@code maxAttempts} times); {@code closeSteps} are the steps that follow a close.
     */
    List<TeamWeek> unfinished(Instant closedSince, int maxAttempts, List<Step> closeSteps);
}
