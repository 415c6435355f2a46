package app.trustpulse.pulse;

import java.time.Instant;
import java.util.List;

/**
 * Durable work: written to the database at once and done later by whichever instance claims it, retried with
 * back-off until it succeeds, and taken back from an instance that died while doing it.
 */
public interface WorkQueue {

    /** Queues work of a kind under a key unique within that kind, due now; false when the key is already queued. */
    default boolean enqueue(String kind, String key, String data) {
        return enqueueAt(kind, key, data, Instant.EPOCH);
    }

    /** The same, due at a given moment (at once when it has passed). */
    boolean enqueueAt(String kind, String key, String data, Instant due);

    /** One piece of work to queue. */
    record Item(String kind, String key, String data, Instant due) {}

    /**
     * Queues several pieces at once; a key queued already keeps the work it has (the piece is left out), as
     * {@link #enqueueAt} outside a transaction does. Inside a transaction they commit or roll back with it.
     */
    default void enqueueAll(List<Item> items) {
        for (Item item : items) {
            enqueueAt(item.kind(), item.key(), item.data(), item.due());
        }
    }
}
