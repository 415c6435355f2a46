package app.trustpulse.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One send per person, up to {@link ChatGateway#parallelSends()} at a time: in the caller's thread when that is one,
 * otherwise on threads of its own that live as long as the round. Every send has run when it returns.
 */
public final class FanOut {

    private static final AtomicInteger ROUNDS = new AtomicInteger();

    private FanOut() {}

    /** The result of each send, in the order of the items. */
    public static <T, R> List<R> map(List<T> items, int parallelism, Function<T, R> send) {
        List<R> results = new ArrayList<>(items.size());
        if (parallelism <= 1 || items.size() <= 1) {
            for (T item : items) {
                results.add(send.apply(item));
            }
            return results;
        }
        int round = ROUNDS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, items.size()), r -> {
            Thread t = new Thread(r, "fan-out-" + round + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> send.apply(item)));
            }
            RuntimeException failure = null;
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r
                                ? r
                                : new IllegalStateException(e.getCause());
                    }
                    results.add(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while sending", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one send per item; see {@link #map}. */
    public static <T> void each(List<T> items, int parallelism, java.util.function.Consumer<T> send) {
        map(items, parallelism, item -> {
            send.accept(item);
            return Boolean.TRUE;
        });
    }
}
