package app.trustpulse.work;

import app.trustpulse.pulse.WorkQueue;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.FailedToScheduleBatchException;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The durable work queue on db-scheduler: one row per piece of work in {@code scheduled_tasks}, claimed by one worker
 * of one instance (PostgreSQL: {@code SELECT … FOR UPDATE SKIP LOCKED}; H2: an optimistic update of the row's
 * version), kept alive by heartbeats, taken back by another instance when those stop (kill -9), retried with
 * exponential back-off when it fails. A key is queued once per kind, which makes a redelivered request a no-op.
 */
public final class DurableWork implements WorkQueue, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DurableWork.class);

    private final DataSource dataSource;
    private final Supplier<List<WorkHandler>> handlers;
    private final WorkProperties props;
    private final String instanceName;
    private final Map<String, OneTimeTask<String>> tasks = new HashMap<>();
    private Scheduler scheduler;
    private volatile boolean running;

    /** The handlers are looked up on first use, so handlers may themselves queue work. */
    public DurableWork(DataSource dataSource, Supplier<List<WorkHandler>> handlers, WorkProperties props) {
        this(dataSource, handlers, props, hostName() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** {@code instanceName} names this instance's workers in the queue; unique per start. */
    public DurableWork(DataSource dataSource, Supplier<List<WorkHandler>> handlers, WorkProperties props,
                       String instanceName) {
        this.dataSource = dataSource;
        this.handlers = handlers;
        this.props = props;
        this.instanceName = instanceName;
    }

    private synchronized Scheduler scheduler() {
        if (scheduler == null) {
            scheduler = build(handlers.get());
        }
        return scheduler;
    }

    private Scheduler build(List<WorkHandler> handlers) {
        List<Task<?>> all = new ArrayList<>();
        for (WorkHandler handler : handlers) {
            OneTimeTask<String> task = Tasks.oneTime(handler.kind(), String.class)
                    .defaultPriority(handler.priority())
                    .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(props.maxAttempts(),
                            new FailureHandler.ExponentialBackoffFailureHandler<>(props.firstRetryDelay(), 2.0),
                            (complete, ops) -> LOG.error("{} {} given up after {} attempts", handler.kind(),
                                    complete.getExecution().taskInstance.getId(), props.maxAttempts(),
                                    complete.getCause().orElse(null))))
                    .onDeadExecutionRevive()
                    .execute((instance, context) -> {
                        try {
                            handler.run(instance.getId(), instance.getData());
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            if (tasks.put(handler.kind(), task) != null) {
                throw new IllegalStateException("two handlers of " + handler.kind());
            }
            all.add(task);
        }
        SchedulerBuilder builder = Scheduler.create(dataSource, all)
                .threads(props.threads())
                .pollingInterval(props.pollingInterval())
                .heartbeatInterval(props.heartbeatInterval())
                .missedHeartbeatsLimit(props.missedHeartbeats())
                .shutdownMaxWait(props.shutdownWait())
                // Unique per instance: two instances on one host (or with one container name) must not share work.
                .schedulerName(new SchedulerName.Fixed(instanceName))
                .serializer(new Utf8())
                .enableImmediateExecution()
                .enablePriority()
                .alwaysPersistTimestampInUTC()
                .failureLogging(LogLevel.WARN, true);
        if (isPostgres(dataSource)) {
            builder.pollUsingLockAndFetch(0.5, 3.0);
        }
        return builder.build();
    }

    @Override
    public boolean enqueueAt(String kind, String key, String data, Instant due) {
        Scheduler s = scheduler();
        OneTimeTask<String> task = tasks.get(kind);
        if (task == null) {
            throw new IllegalArgumentException("no handler for work of kind " + kind);
        }
        Instant now = Instant.now();
        Instant at = due.isBefore(now) ? now : due;
        TaskInstance<String> instance = task.instance(key, data);
        try {
            // One insert, as a request's acknowledgement waits for it (scheduleIfNotExists reads first, then inserts).
            s.scheduleBatch(List.of(SchedulableInstance.of(instance, at)));
            return true;
        } catch (FailedToScheduleBatchException e) {
            // The key is queued already (its primary key refused the row), or the insert failed for another reason:
            // the careful way tells the two apart, and throws in the second case.
            return s.scheduleIfNotExists(instance, at);
        }
    }

    @Override
    public void start() {
        scheduler().start();
        running = true;
    }

    /** Lets the work in flight finish (up to the shutdown wait); everything else stays queued for any instance. */
    @Override
    public void stop() {
        running = false;
        scheduler().stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started before and stopped after the web server, so every acknowledged request can still be queued. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "instance";
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }

    /** Work data is text (JSON or a plain key); stored as UTF-8. */
    private static final class Utf8 implements Serializer {

        @Override
        public byte[] serialize(Object data) {
            return data == null ? null : data.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public <T> T deserialize(Class<T> clazz, byte[] bytes) {
            return clazz.cast(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
