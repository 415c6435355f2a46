package app.trustpulse.pulse;

import java.util.Collection;
import java.util.List;

/** Storage of anonymous feedback. */
public interface FeedbackRepository {

    /** Stores new feedback under a random id; the given id is ignored and the stored id returned. */
    long add(Feedback feedback);

    /**
     * Stores new feedback unless feedback with the same token was stored for the team before, in one statement, so
     * the same click or form handled twice stores it once; empty when it was stored before.
     */
    java.util.OptionalLong addOnce(Feedback feedback, String onceToken);

    /** Feedback not yet released, by week; within a week in no meaningful order. */
    List<Feedback> pending(long teamId);

    void markReleased(Collection<Long> ids, WeekId week);

    /** One feedback of a team, released or not. */
    java.util.Optional<Feedback> find(long teamId, long id);

    /** The feedback released with the weeks from {@code from} on, latest release first. */
    List<Feedback> releasedSince(long teamId, WeekId from);

    /** The feedback released with a week's close. */
    List<Feedback> releasedIn(long teamId, WeekId week);

    /** Drops unreleased feedback given before the cutoff week; returns how many. */
    int dropPendingBefore(long teamId, WeekId cutoff);

    List<Feedback> ofPseudonym(long teamId, String pseudonym);

    int deleteOfPseudonym(long teamId, String pseudonym);
}
