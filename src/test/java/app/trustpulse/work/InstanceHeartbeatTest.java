package app.trustpulse.work;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class InstanceHeartbeatTest {

    @Test
    void anInstanceBeatsFromItsStartAndCountsAsDeadOnceItMissedItsHeartbeats() {
        JdbcClient jdbc = JdbcClient.create(TestDatabases.h2());
        // Beats every 100 ms, dead after 4 missed.
        InstanceHeartbeat heartbeat = new InstanceHeartbeat(
                jdbc,
                new WorkProperties(
                        1,
                        Duration.ofSeconds(1),
                        Duration.ofMillis(100),
                        4,
                        Duration.ofSeconds(1),
                        1,
                        Duration.ofSeconds(1)));
        assertThat(heartbeat.deadAfter()).isEqualTo(Duration.ofMillis(400));

        heartbeat.start();
        Instant first = lastBeat(jdbc, heartbeat.instance());
        assertThat(first).as("beaten once at the start").isAfter(heartbeat.deadBefore());
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> lastBeat(jdbc, heartbeat.instance()).isAfter(first));

        heartbeat.stop();
        // A beat under way when it stopped may still land.
        Awaitility.await().pollDelay(Duration.ofMillis(200)).until(() -> true);
        Instant last = lastBeat(jdbc, heartbeat.instance());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> last.isBefore(heartbeat.deadBefore()));
        assertThat(lastBeat(jdbc, heartbeat.instance()))
                .as("no beat after the stop")
                .isEqualTo(last);
    }

    private static Instant lastBeat(JdbcClient jdbc, String instance) {
        return jdbc.sql("SELECT beat_at FROM live_instance WHERE name = :name")
                .param("name", instance)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }
}
