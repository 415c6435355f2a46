package app.trustpulse.slack;

import com.slack.api.util.thread.DaemonThreadExecutorServiceProvider;
import com.slack.api.util.thread.ExecutorServiceProvider;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the SDK runs Web API calls on. The SDK has one pool per client for every workspace, and a call waits
 * out its rate limit asleep on one of its threads, so the pool must hold a thread for every call that may wait at
 * once ({@link SlackConfiguration} sizes it); this pool starts its threads as calls come and ends them after a while
 * idle, so a service that posted a large round does not keep them all for the rest of its life.
 */
final class SlackCallThreads implements ExecutorServiceProvider {

    static final Duration IDLE = Duration.ofMinutes(1);

    private final Duration idle;

    SlackCallThreads() {
        this(IDLE);
    }

    SlackCallThreads(Duration idle) {
        this.idle = idle;
    }

    @Override
    public ExecutorService createThreadPoolExecutor(String threadGroupName, int poolSize) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                poolSize, poolSize, idle.toMillis(), TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, threadGroupName + "-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public ScheduledExecutorService createThreadScheduledExecutor(String threadGroupName) {
        return DaemonThreadExecutorServiceProvider.getInstance().createThreadScheduledExecutor(threadGroupName);
    }
}
