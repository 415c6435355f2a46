package app.trustpulse.slack;

import app.trustpulse.pulse.PulseMetrics;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The work a request starts after it was acknowledged (Slack waits at most 3 seconds for the acknowledgement). */
class SlackWork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackWork.class);

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>(10_000);
    private final ExecutorService executor;

    SlackWork(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, queue,
                r -> {
                    Thread t = new Thread(r, "slack-work-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    void submit(String what, Runnable task) {
        executor.execute(new Task(System.nanoTime(), () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Slack: {} failed", what, e);
            }
        }));
    }

    /** What waits for a free worker, and for how long the first in line has waited. */
    PulseMetrics.Waiting waiting() {
        Runnable first = queue.peek();
        if (first == null) {
            return PulseMetrics.Waiting.NONE;
        }
        long since = first instanceof Task t ? t.queuedAt() : System.nanoTime();
        return new PulseMetrics.Waiting(queue.size(), Duration.ofNanos(Math.max(0, System.nanoTime() - since)));
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    private record Task(long queuedAt, Runnable body) implements Runnable {
        @Override
        public void run() {
            body.run();
        }
    }
}
