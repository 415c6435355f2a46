package app.trustpulse.pulse;

import java.time.Instant;
import java.util.List;

/**
 * Queued work that failed every one of its tries and was set aside (a dead letter) instead of being retried forever
 * or thrown away: admins list it, send it back to the queue once the cause is fixed, or drop it. What the work
 * carries is never shown: only its kind, its tries and the kind of its last error.
 */
public interface ParkedWork {

    /** One piece of set-aside work; {@code id} is the short number an admin refers to it by. */
    record Parked(long id, String kind, int attempts, Instant parkedAt, String failure) {}

    enum Retried {
        RETRIED,
        NOT_FOUND,
        ALREADY_QUEUED
    }

    int count();

    /** The oldest first, at most {@code max}. */
    List<Parked> list(int max);

    /** Back into the queue, due now, with a fresh set of tries. */
    Retried retry(long id);

    /** Every piece that can go back; returns how many went. */
    int retryAll();

    boolean drop(long id);

    int dropAll();
}
