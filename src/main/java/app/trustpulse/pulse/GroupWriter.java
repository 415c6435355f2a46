package app.trustpulse.pulse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes what many threads hand in at about the same moment in one write: everything waiting when the writer is free
 * goes in one batch, and each caller returns only once the batch holding its item was written, with its item's
 * result (e.g. whether its claim won). Under load one commit serves many callers; alone, a caller waits no longer than
 * for its own write. A batch that fails is written again item by item, so only an item that fails on its own fails its
 * caller.
 *
 * <p>The writer is a thread of its own while items come, and ends after a while without any, so an idle service holds
 * no thread for it.
 */
public final class GroupWriter<T, R> {

    private record Pending<T, R>(T item, CompletableFuture<R> done) {}

    private final String threadName;
    private final int maxBatch;
    private final Duration idle;
    private final Function<List<T>, List<R>> write;
    private final BlockingQueue<Pending<T, R>> waiting = new LinkedBlockingQueue<>();
    private Thread writer;

    /**
     * @param threadName the writer thread's name
     * @param maxBatch   items in one write at most, so a burst is written in a few steps, none of them long
     * @param idle       how long the writer waits for the next item before it ends
     * @param write      writes a batch as one unit (one statement or one transaction) and gives each item's result, in
     *                   the batch's order; throws when it could not
     */
    public GroupWriter(String threadName, int maxBatch, Duration idle, Function<List<T>, List<R>> write) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be 1 or more, not " + maxBatch);
        }
        this.threadName = threadName;
        this.maxBatch = maxBatch;
        this.idle = idle;
        this.write = write;
    }

    /** A writer whose writes have no result per item. */
    public static <T> GroupWriter<T, Void> writing(
            String threadName, int maxBatch, Duration idle, Consumer<List<T>> write) {
        return new GroupWriter<>(threadName, maxBatch, idle, batch -> {
            write.accept(batch);
            return Collections.nCopies(batch.size(), null);
        });
    }

    /**
     * Writes the item with whatever else waits, and returns its result once it is written; throws what its write
     * threw.
     */
    public R write(T item) throws InterruptedException {
        Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
        waiting.add(pending);
        start();
        try {
            return pending.done().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private synchronized void start() {
        if (writer == null) {
            writer = new Thread(this::writeWhatWaits, threadName);
            writer.setDaemon(true);
            writer.start();
        }
    }

    private synchronized boolean idleEnd() {
        if (!waiting.isEmpty()) {
            return false;
        }
        writer = null;
        return true;
    }

    private void writeWhatWaits() {
        List<Pending<T, R>> batch = new ArrayList<>();
        while (true) {
            try {
                Pending<T, R> next = waiting.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (idleEnd()) {
                        return;
                    }
                    continue;
                }
                batch.add(next);
            } catch (InterruptedException e) {
                synchronized (this) {
                    writer = null;
                }
                // whatever waits gets a writer of its own with the next item
                Thread.currentThread().interrupt();
                return;
            }
            waiting.drainTo(batch, maxBatch - 1);
            try {
                List<R> results = written(batch.stream().map(Pending::item).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(results.get(i));
                }
            } catch (RuntimeException | Error together) {
                // One item can fail the whole batch (on PostgreSQL any failed statement fails its transaction).
                for (Pending<T, R> p : batch) {
                    try {
                        p.done().complete(written(List.of(p.item())).get(0));
                    } catch (RuntimeException | Error alone) {
                        p.done().completeExceptionally(alone);
                    }
                }
            }
            batch.clear();
        }
    }

    private List<R> written(List<T> items) {
        List<R> results = write.apply(items);
        if (results.size() != items.size()) {
            throw new IllegalStateException(
                    "a write of " + items.size() + " items gave " + results.size() + " results");
        }
        return results;
    }
}
