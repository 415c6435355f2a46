package app.trustpulse.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Queueing is one insert; the key decides: a key already queued is refused without an error, and work of a kind
 * nobody handles is refused loudly. On H2 and on PostgreSQL.
 */
class DurableWorkTest {

    private static DataSource database(String vendor) {
        return vendor.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres();
    }

    private static WorkProperties props() {
        return new WorkProperties(2, Duration.ofMillis(200), Duration.ofSeconds(5), 4, Duration.ofMillis(100), 3,
                Duration.ofSeconds(5));
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
        DurableWork work = new DurableWork(db, () -> List.of(new Recording(runs)), props(), app.trustpulse.support.TestDatabases.SEALER);
        // Queued before the workers start, so the first row is still there when the same key comes again.
        assertThat(work.enqueue("test-kind", "event:Ev1", "first")).isTrue();
        assertThat(work.enqueue("test-kind", "event:Ev1", "again")).isFalse();
        assertThat(work.enqueueAt("test-kind", "event:Ev2", "later", Instant.now().plusSeconds(3600))).isTrue();
        assertThat(JdbcClient.create(db).sql("SELECT count(*) FROM scheduled_tasks").query(Long.class).single())
                .isEqualTo(2);
        work.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !runs.isEmpty());
            Awaitility.await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
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
    void workOfAKindNobodyHandlesIsRefused(String vendor) {
        DurableWork work = new DurableWork(database(vendor), () -> List.of(new Recording(new CopyOnWriteArrayList<>())),
                props(), app.trustpulse.support.TestDatabases.SEALER);
        assertThatThrownBy(() -> work.enqueue("no-such-kind", "k", "d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-kind");
    }
}
