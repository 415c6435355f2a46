package app.trustpulse.work;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.support.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue's gauges count due, unpicked work, work waiting for a retry and work parked after its last try, per kind,
 * on both databases.
 */
class QueueBacklogTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void countsDueUnpickedWorkItsAgeWorkWaitingForARetryAndParkedWorkPerKind(String database) {
        DataSource ds = database.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres();
        JdbcClient jdbc = JdbcClient.create(ds);
        queue(jdbc, "slack-request", "a", NOW.minusSeconds(120), false, 0);
        queue(jdbc, "slack-request", "b", NOW.minusSeconds(30), false, 0);
        queue(jdbc, "slack-request", "c", NOW.minusSeconds(600), true, 0);
        queue(jdbc, "slack-request", "d", NOW.plusSeconds(60), false, 3);
        queue(jdbc, "slack-post", "e", NOW.plusSeconds(5), false, 0);
        park(jdbc, "teams-activity", "f");
        park(jdbc, "teams-activity", "g");
        Map<String, Supplier<PulseMetrics.Queued>> gauges = new HashMap<>();

        new QueueBacklog(jdbc, Clock.fixed(NOW, ZoneOffset.UTC))
                .watch(List.of("slack-request", "slack-post", "teams-activity"), watching(gauges));

        assertThat(gauges.get("slack-request").get())
                .isEqualTo(new PulseMetrics.Queued(2, Duration.ofSeconds(120), 1, 0));
        assertThat(gauges.get("slack-post").get())
                .as("paced for later: not due yet")
                .isEqualTo(PulseMetrics.Queued.NONE);
        assertThat(gauges.get("teams-activity").get())
                .as("parked only")
                .isEqualTo(new PulseMetrics.Queued(0, Duration.ZERO, 0, 2));
    }

    private static void queue(JdbcClient jdbc, String kind, String id, Instant at, boolean picked, int failures) {
        jdbc.sql("""
                INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked,
                    consecutive_failures, version)
                VALUES (:kind, :id, :at, :picked, :failures, 1)""")
                .param("kind", kind)
                .param("id", id)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("picked", picked)
                .param("failures", failures)
                .update();
    }

    private static void park(JdbcClient jdbc, String kind, String id) {
        jdbc.sql("""
                INSERT INTO work_dead_letter (task_name, task_instance, task_data, attempts, failure, parked_at)
                VALUES (:kind, :id, :data, 10, 'IllegalStateException', :at)""")
                .param("kind", kind)
                .param("id", id)
                .param("data", new byte[] {1, 2, 3})
                .param("at", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC))
                .update();
    }

    /** Metrics that keep the queue's probes by kind of work, and count nothing. */
    static PulseMetrics watching(Map<String, Supplier<PulseMetrics.Queued>> gauges) {
        return (PulseMetrics) java.lang.reflect.Proxy.newProxyInstance(
                PulseMetrics.class.getClassLoader(), new Class<?>[] {PulseMetrics.class}, (proxy, method, args) -> {
                    if (method.getName().equals("watchQueue")) {
                        @SuppressWarnings("unchecked")
                        Supplier<PulseMetrics.Queued> probe = (Supplier<PulseMetrics.Queued>) args[1];
                        gauges.put((String) args[0], probe);
                    }
                    return null;
                });
    }
}
