package app.trustpulse.pulse;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage of check-ins. (team, user, week, slot) is unique. */
public interface CheckInRepository {

    /** Stores the check-in unless one exists for its (team, user, week, slot); returns the stored one either way. */
    CheckIn createIfAbsent(CheckIn checkIn, Instant now);

    /**
     * Stores each check-in unless one exists for its (team, user, week, slot), a round's worth at once; read them
     * back with {@link #ofWeek}.
     */
    void createAllIfAbsent(List<CheckIn> checkIns, Instant now);

    Optional<CheckIn> find(long id);

    List<CheckIn> ofWeek(long teamId, WeekId week);

    List<CheckIn> ofUser(long teamId, String userId, WeekId week);

    /**
     * Moves a SCHEDULED check-in to SENDING, or takes back a SENDING claim whose instance died (see {@link Liveness})
     * or that was made before {@code staleBefore} (a sender alive but stuck); empty when a live sender holds it or the
     * check-in went out. The delivery id is made once and kept across claims, so a later sender can look whether an
     * earlier try landed.
     */
    Optional<DeliveryClaim> claimForSending(long id, Instant now, Instant staleBefore);

    /** How many of the week's check-ins are claimed by a sender and not yet sent. */
    int countSending(long teamId, WeekId week);

    void markSent(long id, Instant at, String messageRef);

    /**
     * Gives a claimed check-in back when delivery failed, so a later attempt may send it (with the same delivery
     * id).
     */
    void releaseClaim(long id);

    /**
     * Claims the reminder of a SENT (unanswered) check-in, or takes back a claim that never went out, of a dead
     * instance or made before {@code staleBefore}; empty when the reminder went, another sender holds it, or the
     * check-in is no longer open. The
     * claim's time is the check-in's {@code remindedAt}; the delivery id is kept across claims.
     */
    Optional<DeliveryClaim> claimReminder(long id, Instant now, Instant staleBefore);

    /** The claimed reminder went out. */
    void markReminderSent(long id);

    /** Whether the reminder of a still unanswered check-in is claimed and has not gone out. */
    boolean reminderPending(long id);

    /** Gives a claimed reminder back when delivery failed; it keeps its delivery id for the next try. */
    void releaseReminder(long id);

    /** Expires the week's check-ins that were sent but not answered. */
    int expireOpen(long teamId, WeekId week);

    /** The most recently sent check-ins of a user across the given teams, newest first. */
    List<CheckIn> recentOf(Collection<Long> teamIds, String userId, int limit);

    /** How many different people of the given audience were sent a check-in in the week. */
    int countAsked(long teamId, WeekId week, Role audience);

    int countOfUser(long teamId, String userId);

    int deleteOfUser(long teamId, String userId);

    /**
     * Records that the send-now round of that key (the request that started it) planned everyone's check-in; it does
     * so before it sends any, so a round run again after a crash knows whether to plan or only to finish.
     */
    void markRoundPlanned(String round, long teamId, WeekId week, Instant at);

    boolean isRoundPlanned(String round);
}
