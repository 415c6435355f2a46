package app.trustpulse.work;

import app.trustpulse.pulse.Sealer;
import app.trustpulse.pulse.WorkQueue;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.FailedToScheduleBatchException;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable work queue on db-scheduler: one row per piece of work in {@code scheduled_tasks}, claimed by one worker
 * of one instance (PostgreSQL: {@code SELECT … FOR UPDATE SKIP LOCKED}; H2: an optimistic update of the row's
 * version), kept alive by heartbeats, taken back by another instance when those stop (kill -9), retried with
 * exponential back-off when it fails. A key is queued once per kind, which makes a redelivered request a no-op.
 * Work that fails all of its tries is parked in {@code work_dead_letter} ({@link DeadLetters}); work whose handler
 * says it cannot be done yet ({@link WorkDeferred}) waits without using up its tries.
 *
 * <p>Work queued inside a Spring transaction joins it: its row commits or rolls back with what the transaction
 * wrote, and the workers are woken once it has committed. A request's acknowledgement uses that to store its
 * "seen" mark and its work in one commit, so neither exists without the other.
 */
public final class DurableWork implements WorkQueue, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DurableWork.class);
    private static final String INSERT_IF_ABSENT = "INSERT INTO scheduled_tasks"
            + " (task_name, task_instance, task_data, execution_time, picked, version, priority)"
            + " VALUES (?, ?, ?, ?, FALSE, 1, ?) ON CONFLICT DO NOTHING";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Supplier<List<WorkHandler>> handlers;
    private final WorkProperties props;
    private final Sealer sealer;
    private final DeadLetters deadLetters;
    private final String instanceName;
    private final Map<String, Task<String>> tasks = new HashMap<>();
    private final Map<String, Integer> priorities = new HashMap<>();
    private Scheduler scheduler;
    private SchedulerClient joining;
    private volatile boolean running;

    /** The handlers are looked up on first use, so handlers may themselves queue work. */
    /** {@code instanceName} names this instance's workers in the queue (unique per start), as its claims do. */
    DurableWork(
            DataSource dataSource,
            Supplier<List<WorkHandler>> handlers,
            WorkProperties props,
            DeadLetters deadLetters,
            Sealer sealer,
            String instanceName) {
        if (props.maxAttempts() < 1) {
            throw new IllegalArgumentException(
                    "pulse.work.max-attempts (PULSE_WORK_MAX_ATTEMPTS) must be 1 or more, not " + props.maxAttempts());
        }
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.handlers = handlers;
        this.props = props;
        this.deadLetters = deadLetters;
        this.sealer = sealer;
        this.instanceName = instanceName;
    }

    private synchronized Scheduler scheduler() {
        if (scheduler == null) {
            scheduler = build(handlers.get());
            // The same tasks and table through a data source that hands out the connection of the caller's
            // transaction; db-scheduler leaves commit and rollback to that transaction (autocommit is off there).
            joining = SchedulerClient.Builder.create(
                            new TransactionAwareDataSourceProxy(dataSource), new ArrayList<>(tasks.values()))
                    .serializer(new Sealed(sealer))
                    .enablePriority()
                    .build();
        }
        return scheduler;
    }

    private synchronized SchedulerClient joining() {
        scheduler();
        return joining;
    }

    private Scheduler build(List<WorkHandler> handlers) {
        List<Task<?>> all = new ArrayList<>();
        FailureHandler<String> onFailure = new RetryThenPark();
        for (WorkHandler handler : handlers) {
            Task<String> task = Tasks.custom(handler.kind(), String.class)
                    .defaultPriority(handler.priority())
                    .onFailure(onFailure)
                    .onDeadExecutionRevive()
                    .execute((instance, context) -> {
                        try {
                            handler.run(instance.getId(), instance.getData());
                            return new CompletionHandler.OnCompleteRemove<>();
                        } catch (WorkDeferred deferred) {
                            // A completed run, not a failed one: the work waits with all of its tries left.
                            return (complete, ops) -> ops.reschedule(
                                    complete, complete.getTimeDone().plus(deferred.retryIn()));
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            priorities.put(handler.kind(), handler.priority());
            if (tasks.put(handler.kind(), task) != null) {
                throw new IllegalStateException("two handlers of " + handler.kind());
            }
            all.add(task);
        }
        SchedulerBuilder builder = Scheduler.create(dataSource, all)
                .threads(props.threads())
                .executorService(workers(props.threads(), instanceName))
                .pollingInterval(props.pollingInterval())
                .heartbeatInterval(props.heartbeatInterval())
                .missedHeartbeatsLimit(props.missedHeartbeats())
                .shutdownMaxWait(props.shutdownWait())
                // Unique per instance: two instances on one host (or with one container name) must not share work.
                .schedulerName(new SchedulerName.Fixed(instanceName))
                .serializer(new Sealed(sealer))
                .enableImmediateExecution()
                .enablePriority()
                .alwaysPersistTimestampInUTC()
                .failureLogging(LogLevel.WARN, true);
        if (isPostgres(dataSource)) {
            builder.pollUsingLockAndFetch(0.5, 3.0);
        }
        return builder.build();
    }

    /**
     * Up to {@code threads} workers, started when work comes and ended after a minute without any. A delivery round
     * holds its worker while its workspace's rate limit paces it, so workspaces served at once need a worker each:
     * with too few, one workspace's rounds wait behind another's backlog. Idle, none of them is kept.
     */
    private static ExecutorService workers(int threads, String instanceName) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "work-" + instanceName + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public boolean enqueueAt(String kind, String key, String data, Instant due) {
        Scheduler s = scheduler();
        Task<String> task = tasks.get(kind);
        if (task == null) {
            throw new IllegalArgumentException("no handler for work of kind " + kind);
        }
        Instant now = Instant.now();
        Instant at = due.isBefore(now) ? now : due;
        TaskInstance<String> instance = task.instance(key, data);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return enqueueInTransaction(s, SchedulableInstance.of(instance, at));
        }
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

    /**
     * Inside a transaction one batch of inserts for all of them, each skipped when its key is queued already (a
     * redelivered request), which fails neither the batch nor the transaction; otherwise one by one.
     */
    @Override
    public void enqueueAll(List<Item> items) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            WorkQueue.super.enqueueAll(items);
            return;
        }
        if (items.isEmpty()) {
            return;
        }
        Scheduler s = scheduler();
        Instant now = Instant.now();
        Serializer serializer = new Sealed(sealer);
        List<Object[]> rows = new ArrayList<>(items.size());
        for (Item item : items) {
            Integer priority = priorities.get(item.kind());
            if (priority == null) {
                throw new IllegalArgumentException("no handler for work of kind " + item.kind());
            }
            Instant at = item.due().isBefore(now) ? now : item.due();
            rows.add(new Object[] {
                item.kind(), item.key(), serializer.serialize(item.data()), at.atOffset(ZoneOffset.UTC), priority
            });
        }
        // The columns db-scheduler's own insert writes, on the transaction's connection (the JdbcTemplate joins it).
        jdbc.batchUpdate(INSERT_IF_ABSENT, rows);
        wakeAfterCommit(s);
    }

    /**
     * One insert on the transaction's connection. A key queued already fails the insert, which on PostgreSQL also
     * fails the transaction; the caller's transaction is then rolled back whole, as it must be when it relied on
     * queuing new work.
     */
    private boolean enqueueInTransaction(Scheduler s, SchedulableInstance<String> instance) {
        joining().scheduleBatch(List.of(instance));
        wakeAfterCommit(s);
        return true;
    }

    private static void wakeAfterCommit(Scheduler s) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                s.triggerCheckForDueExecutions();
            }
        });
    }

    /**
     * Retries with doubling back-off; after the last of {@code maxAttempts} tries, moves the work to the dead-letter
     * table, where it waits for an admin instead of being thrown away.
     */
    private final class RetryThenPark implements FailureHandler<String> {

        private final FailureHandler<String> backoff =
                new FailureHandler.ExponentialBackoffFailureHandler<>(props.firstRetryDelay(), 2.0);

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<String> ops) {
            Execution execution = complete.getExecution();
            int tries = execution.consecutiveFailures + 1;
            if (tries < props.maxAttempts()) {
                backoff.onFailure(complete, ops);
                return;
            }
            String kind = execution.taskInstance.getTaskName();
            String key = execution.taskInstance.getId();
            // The kind of error only: its message may quote what the work carries.
            String failure =
                    complete.getCause().map(c -> c.getClass().getSimpleName()).orElse(null);
            if (deadLetters.park(kind, key, execution.version, tries, failure)) {
                LOG.warn(
                        "{} {} failed all {} tries ({}) and is parked in work_dead_letter; an admin retries or drops it"
                                + " with /pulse work",
                        kind,
                        key,
                        tries,
                        failure);
            } else {
                // Changed or taken back meanwhile: whoever holds it now decides.
                LOG.warn(
                        "{} {} failed all {} tries ({}) but had changed before it could be parked",
                        kind,
                        key,
                        tries,
                        failure);
            }
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

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }

    /**
     * Work data is text (a platform's request, a reply kept for retry: JSON that names a person and what they said),
     * stored sealed and padded, so the queue, its WAL and its backups hold nothing in clear. Rows queued by an
     * earlier version, in clear UTF-8, are still read.
     */
    private static final class Sealed implements Serializer {

        private static final String CONTEXT = "work";
        /** Clicks, typed replies and commands all take the same room up to this size. */
        private static final int BLOCK = 1024;

        private final Sealer sealer;

        Sealed(Sealer sealer) {
            this.sealer = sealer;
        }

        @Override
        public byte[] serialize(Object data) {
            if (data == null) {
                return null;
            }
            return sealer.sealBytes(data.toString().getBytes(StandardCharsets.UTF_8), CONTEXT, BLOCK)
                    .getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public <T> T deserialize(Class<T> clazz, byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            String stored = new String(bytes, StandardCharsets.UTF_8);
            return clazz.cast(
                    Sealer.isSealed(stored)
                            ? new String(sealer.openBytes(stored, CONTEXT), StandardCharsets.UTF_8)
                            : stored);
        }
    }
}
