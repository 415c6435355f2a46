package app.trustpulse.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.pulse.ParkedWork;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.Sealer;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queueing is one insert; the key decides: a key already queued is refused without an error, and work of a kind
 * nobody handles is refused loudly. Work that fails every try is parked in the dead-letter table, where an admin
 * sends it back or drops it; work whose handler defers it waits without using up its tries. On H2 and on PostgreSQL.
 */
class DurableWorkTest {

    private static DataSource database(String vendor) {
        return vendor.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres();
    }

    private static WorkProperties props() {
        return new WorkProperties(
                2, Duration.ofMillis(200), Duration.ofSeconds(5), 4, Duration.ofMillis(100), 3, Duration.ofSeconds(5));
    }

    private static DeadLetters deadLetters(DataSource db) {
        return new DeadLetters(
                JdbcClient.create(db),
                new TransactionTemplate(new DataSourceTransactionManager(db)),
                Clock.systemUTC());
    }

    private static DurableWork durableWork(DataSource db, List<WorkHandler> handlers) {
        return new DurableWork(
                db,
                () -> handlers,
                props(),
                deadLetters(db),
                app.trustpulse.support.TestDatabases.SEALER,
                "test-" + java.util.UUID.randomUUID());
    }

    /** Fails every run until it is mended; records each run. */
    private static final class Failing implements WorkHandler {
        final List<String> runs = new CopyOnWriteArrayList<>();
        final AtomicBoolean mended = new AtomicBoolean();

        @Override
        public String kind() {
            return "failing-kind";
        }

        @Override
        public void run(String key, String data) {
            runs.add(key + "=" + data);
            if (!mended.get()) {
                throw new IllegalStateException("the platform refuses, as every time");
            }
        }

        long runsOf(String key) {
            return runs.stream().filter(r -> r.startsWith(key + "=")).count();
        }
    }

    private record Recording(List<String> runs) implements WorkHandler {
        @Override
        public String kind() {
            return "test-kind";
        }

        @Override
        public void run(String key, String data) {
            runs.add(key + "=" + data);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aKeyAlreadyQueuedIsRefusedAndTheWorkRunsOnce(String vendor) {
        DataSource db = database(vendor);
        List<String> runs = new CopyOnWriteArrayList<>();
        DurableWork work = durableWork(db, List.of(new Recording(runs)));
        // Queued before the workers start, so the first row is still there when the same key comes again.
        assertThat(work.enqueue("test-kind", "event:Ev1", "first")).isTrue();
        assertThat(work.enqueue("test-kind", "event:Ev1", "again")).isFalse();
        assertThat(work.enqueueAt(
                        "test-kind", "event:Ev2", "later", Instant.now().plusSeconds(3600)))
                .isTrue();
        assertThat(JdbcClient.create(db)
                        .sql("SELECT count(*) FROM scheduled_tasks")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        work.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !runs.isEmpty());
            Awaitility.await()
                    .during(Duration.ofMillis(800))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> runs.size() == 1);
            assertThat(runs).containsExactly("event:Ev1=first");
            // Done work leaves the table; the same key may be queued again (a later, separate piece of work).
            assertThat(work.enqueue("test-kind", "event:Ev1", "third")).isTrue();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> runs.size() == 2);
            assertThat(runs).containsExactly("event:Ev1=first", "event:Ev1=third");
        } finally {
            work.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aBatchInATransactionLeavesOutKeysQueuedAlreadyAndCommitsOrRollsBackWithIt(String vendor) {
        DataSource db = database(vendor);
        List<String> runs = new CopyOnWriteArrayList<>();
        DurableWork work = durableWork(db, List.of(new Recording(runs)));
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        assertThat(work.enqueue("test-kind", "event:A", "first")).isTrue();

        tx.executeWithoutResult(status -> work.enqueueAll(List.of(
                new WorkQueue.Item("test-kind", "event:A", "again", Instant.EPOCH),
                new WorkQueue.Item("test-kind", "event:B", "b", Instant.EPOCH),
                new WorkQueue.Item("test-kind", "event:B", "b twice in one batch", Instant.EPOCH),
                new WorkQueue.Item("test-kind", "event:C", "c", Instant.EPOCH))));
        tx.executeWithoutResult(status -> {
            work.enqueueAll(List.of(new WorkQueue.Item("test-kind", "event:D", "rolled back", Instant.EPOCH)));
            status.setRollbackOnly();
        });

        JdbcClient jdbc = JdbcClient.create(db);
        assertThat(jdbc.sql("SELECT task_instance FROM scheduled_tasks ORDER BY task_instance")
                        .query(String.class)
                        .list())
                .containsExactly("event:A", "event:B", "event:C");
        assertThat(jdbc.sql("SELECT task_data FROM scheduled_tasks WHERE task_instance = 'event:B'")
                        .query(byte[].class)
                        .single())
                .asString(StandardCharsets.US_ASCII)
                .as("sealed, as every queued row")
                .satisfies(stored -> assertThat(Sealer.isSealed(stored)).isTrue())
                .doesNotContain("b twice");
        assertThatThrownBy(() -> tx.executeWithoutResult(status ->
                        work.enqueueAll(List.of(new WorkQueue.Item("no-such-kind", "k", "d", Instant.EPOCH)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-kind");
        work.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> runs.size() == 3);
            Awaitility.await()
                    .during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> runs.size() == 3);
            assertThat(runs).containsExactlyInAnyOrder("event:A=first", "event:B=b", "event:C=c");
        } finally {
            work.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void workOfAKindNobodyHandlesIsRefused(String vendor) {
        DurableWork work = durableWork(database(vendor), List.of(new Recording(new CopyOnWriteArrayList<>())));
        assertThatThrownBy(() -> work.enqueue("no-such-kind", "k", "d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-kind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void workThatFailsEveryTryIsParkedCountedAndRunsOnceMoreWhenRetried(String vendor) {
        DataSource db = database(vendor);
        JdbcClient jdbc = JdbcClient.create(db);
        Failing handler = new Failing();
        DeadLetters parked = deadLetters(db);
        DurableWork work = durableWork(db, List.of(handler));
        Map<String, Supplier<PulseMetrics.Queued>> gauges = new HashMap<>();
        new QueueBacklog(jdbc, Clock.systemUTC()).watch(List.of("failing-kind"), QueueBacklogTest.watching(gauges));
        work.enqueue("failing-kind", "event:Ev9", "{\"n\":9}");
        work.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> parked.count() == 1);

            // the third try was the last (max-attempts 3): no fourth, and the queue no longer holds it
            assertThat(handler.runsOf("event:Ev9")).isEqualTo(3);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks")
                            .query(Long.class)
                            .single())
                    .isZero();
            ParkedWork.Parked p = parked.list(10).get(0);
            assertThat(p.kind()).isEqualTo("failing-kind");
            assertThat(p.attempts()).isEqualTo(3);
            assertThat(p.failure()).isEqualTo("IllegalStateException");
            // the bytes as the queue stored them, untouched: sealed, and opening to what was queued
            String stored = new String(
                    jdbc.sql("SELECT task_data FROM work_dead_letter")
                            .query(byte[].class)
                            .single(),
                    StandardCharsets.US_ASCII);
            assertThat(stored).startsWith(app.trustpulse.pulse.Sealer.PREFIX).doesNotContain("\"n\"");
            assertThat(app.trustpulse.support.TestDatabases.SEALER.open(stored, "work"))
                    .isEqualTo("{\"n\":9}");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> gauges.get("failing-kind").get().parked() == 1);
            Awaitility.await()
                    .during(Duration.ofMillis(600))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> handler.runsOf("event:Ev9") == 3);

            handler.mended.set(true);
            assertThat(parked.retry(p.id())).isEqualTo(ParkedWork.Retried.RETRIED);

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> handler.runsOf("event:Ev9") == 4);
            Awaitility.await()
                    .during(Duration.ofMillis(800))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> handler.runsOf("event:Ev9") == 4);
            assertThat(handler.runs).last().isEqualTo("event:Ev9={\"n\":9}");
            assertThat(parked.count()).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(parked.retry(p.id())).isEqualTo(ParkedWork.Retried.NOT_FOUND);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> gauges.get("failing-kind").get().parked() == 0);
        } finally {
            work.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void droppedWorkIsGoneAndParkedWorkWhoseKeyIsQueuedAgainStaysParked(String vendor) {
        DataSource db = database(vendor);
        JdbcClient jdbc = JdbcClient.create(db);
        Failing handler = new Failing();
        DeadLetters parked = deadLetters(db);
        DurableWork work = durableWork(db, List.of(handler));
        work.enqueue("failing-kind", "a", "1");
        work.enqueue("failing-kind", "b", "2");
        work.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> parked.count() == 2);
            long a = idOf(jdbc, "a");
            long b = idOf(jdbc, "b");

            assertThat(parked.drop(a)).isTrue();
            assertThat(parked.drop(a)).isFalse();
            assertThat(parked.count()).isEqualTo(1);

            // new work under b's key, due later: b cannot go back beside it
            assertThat(work.enqueueAt("failing-kind", "b", "3", Instant.now().plusSeconds(3600)))
                    .isTrue();
            assertThat(parked.retry(b)).isEqualTo(ParkedWork.Retried.ALREADY_QUEUED);
            assertThat(parked.retryAll()).isZero();
            assertThat(parked.dropAll()).isEqualTo(1);
            assertThat(parked.count()).isZero();
            assertThat(app.trustpulse.support.TestDatabases.SEALER.open(
                            new String(
                                    jdbc.sql("SELECT task_data FROM scheduled_tasks WHERE task_instance = 'b'")
                                            .query(byte[].class)
                                            .single(),
                                    StandardCharsets.US_ASCII),
                            "work"))
                    .isEqualTo("3");
            Awaitility.await()
                    .during(Duration.ofMillis(600))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> handler.runsOf("a") == 3);
        } finally {
            work.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void deferredWorkWaitsWithoutUsingUpItsTries(String vendor) {
        DataSource db = database(vendor);
        JdbcClient jdbc = JdbcClient.create(db);
        AtomicInteger deferrals = new AtomicInteger();
        List<String> done = new CopyOnWriteArrayList<>();
        WorkHandler waiting = new WorkHandler() {
            @Override
            public String kind() {
                return "waiting-kind";
            }

            @Override
            public void run(String key, String data) {
                // more deferrals than the three tries the work has
                if (deferrals.incrementAndGet() <= 5) {
                    throw new WorkDeferred("the platform is down", Duration.ofMillis(50));
                }
                done.add(key);
            }
        };
        DeadLetters parked = deadLetters(db);
        DurableWork work = durableWork(db, List.of(waiting));
        work.enqueue("waiting-kind", "k", "d");
        work.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> done.size() == 1);
            assertThat(deferrals.get()).isEqualTo(6);
            assertThat(parked.count()).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks")
                            .query(Long.class)
                            .single())
                    .isZero();
        } finally {
            work.stop();
        }
    }

    private static long idOf(JdbcClient jdbc, String key) {
        return jdbc.sql("SELECT id FROM work_dead_letter WHERE task_instance = :key")
                .param("key", key)
                .query(Long.class)
                .single();
    }
}
