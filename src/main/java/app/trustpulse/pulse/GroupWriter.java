package app.trustpulse.pulse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes what many threads hand in at about the same moment in one write: everything waiting when the writer is free
 * goes in one batch, and each caller returns only once the batch holding its item was written. Under load one commit
 * serves many callers; alone, a caller waits no longer than for its own write. A batch that fails is written again
 * item by item, so only an item that fails on its own fails its caller.
 *
 * <p>The writer is a thread of its own while items come, and ends after a while without any, so an idle service holds
 * no thread for it.
 */
public final class GroupWriter<T> {

    private record Pending<T>(T item, CompletableFuture<Void> done) {}

    private final String threadName;
    private final int maxBatch;
    private final Duration idle;
    private final Consumer<List<T>> write;
    private final BlockingQueue<Pending<T>> waiting = new LinkedBlockingQueue<>();
    private Thread writer;

    /**
     * @param threadName the writer thread's name
     * @param maxBatch   items in one write at most, so a burst is written in a few steps, none of them long
     * @param idle       how long the writer waits for the next item before it ends
     * @param write      writes a batch as one unit (one statement or one transaction); throws when it could not
     */
    public GroupWriter(String threadName, int maxBatch, Duration idle, Consumer<List<T>> write) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be 1 or more, not " + maxBatch);
        }
        this.threadName = threadName;
        this.maxBatch = maxBatch;
        this.idle = idle;
        this.write = write;
    }

    /** Writes the item with whatever else waits, and returns once it is written; throws what its write threw. */
    public void write(T item) throws InterruptedException {
        Pending<T> pending = new Pending<>(item, new CompletableFuture<>());
        waiting.add(pending);
        start();
        try {
            pending.done().get();
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
        List<Pending<T>> batch = new ArrayList<>();
        while (true) {
            try {
                Pending<T> next = waiting.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
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
                write.accept(batch.stream().map(Pending::item).toList());
                batch.forEach(p -> p.done().complete(null));
            } catch (RuntimeException | Error together) {
                // One item can fail the whole batch (on PostgreSQL any failed statement fails its transaction).
                for (Pending<T> p : batch) {
                    try {
                        write.accept(List.of(p.item()));
                        p.done().complete(null);
                    } catch (RuntimeException | Error alone) {
                        p.done().completeExceptionally(alone);
                    }
                }
            }
            batch.clear();
        }
    }
}
