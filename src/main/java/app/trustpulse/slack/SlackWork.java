package app.trustpulse.slack;

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

    private final ExecutorService executor;

    SlackWork(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000),
                r -> {
                    Thread t = new Thread(r, "slack-work-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    void submit(String what, Runnable task) {
        executor.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Slack: {} failed", what, e);
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
