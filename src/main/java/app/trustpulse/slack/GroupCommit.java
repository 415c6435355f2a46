package app.trustpulse.slack;

import app.trustpulse.pulse.GroupWriter;
import app.trustpulse.pulse.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the work queued by requests that arrive together in one transaction: the work of every request waiting when
 * the committer is free goes in one batch of inserts, and each request's thread is released (and Slack gets its 200)
 * only once that transaction has committed. Under load one commit (and one connection, one statement) serves many
 * requests; alone, a request waits no longer than for its own commit.
 *
 * <p>Only events whose listener does nothing but queue work come this way ({@link EventDeduplication} picks them):
 * their work is keyed by the event's id, the queue keeps a key once (a redelivery of work still queued adds nothing),
 * and the work makes sure itself that it is done once ({@link EventWorkOnce}). The listener's work is recorded on the
 * request's thread by {@link #queue} and written by the committer.
 */
final class GroupCommit {

    /** Requests in one transaction at most: a burst is committed in a few steps, none of them long. */
    static final int MAX_BATCH = 200;
    /** The committer's name; {@code IngestBenchmark} counts its CPU with the acknowledging threads'. */
    static final String THREAD = "ack-commit";
    /** How long the committer waits for the next request before it ends. */
    static final Duration IDLE = Duration.ofSeconds(30);

    /** A piece of work a listener queued, not written yet. */
    record Queued(String kind, String key, String data, Instant due) {}

    private final Supplier<WorkQueue> work;
    private final ThreadLocal<List<Queued>> recording = new ThreadLocal<>();
    private final GroupWriter<List<Queued>, Void> committer;

    GroupCommit(TransactionTemplate transactions, Supplier<WorkQueue> work) {
        this.work = work;
        this.committer = GroupWriter.writing(
                THREAD, MAX_BATCH, IDLE, batch -> transactions.executeWithoutResult(status -> write(batch)));
    }

    /**
     * The queue the listeners use: while this thread records a request's work, work is kept for the committer;
     * otherwise it goes to the real queue at once.
     */
    WorkQueue queue() {
        return recordingQueue;
    }

    private final WorkQueue recordingQueue = new WorkQueue() {
        @Override
        public boolean enqueueAt(String kind, String key, String data, Instant due) {
            List<Queued> recorded = recording.get();
            if (recorded == null) {
                return work.get().enqueueAt(kind, key, data, due);
            }
            recorded.add(new Queued(kind, key, data, due));
            return true;
        }
    };

    /** What a request's listener does while its work is recorded. */
    @FunctionalInterface
    interface Listening<T> {
        T run() throws Exception;
    }

    /** Runs the listener with this thread's queued work recorded; returns its result and what it queued. */
    <T> Recorded<T> record(Listening<T> listening) throws Exception {
        List<Queued> recorded = new ArrayList<>(1);
        recording.set(recorded);
        try {
            return new Recorded<>(listening.run(), List.copyOf(recorded));
        } finally {
            recording.remove();
        }
    }

    record Recorded<T>(T result, List<Queued> work) {}

    /**
     * Writes the request's work (each key not queued already) in the next transaction of the committer, and waits for
     * that to commit; throws when it could not be stored, so the request is not acknowledged and Slack sends it again.
     */
    void commit(List<Queued> queued) throws InterruptedException {
        committer.write(queued);
    }

    /** The work of the whole batch in one batch of inserts; a key queued already (a redelivery) keeps its work. */
    private void write(List<List<Queued>> batch) {
        List<WorkQueue.Item> items = new ArrayList<>();
        for (List<Queued> request : batch) {
            for (Queued q : request) {
                items.add(new WorkQueue.Item(q.kind(), q.key(), q.data(), q.due()));
            }
        }
        work.get().enqueueAll(items);
    }
}
