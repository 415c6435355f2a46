package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.NOW;
import static app.trustpulse.persistence.Fixtures.WEEK;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcRetentionStoreTest {

    /** Parked work may carry what someone wrote; it goes with the rest of the delivery bookkeeping. */
    @BothDatabases
    void parkedWorkOlderThanTheOperationalCutoffIsPurged(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        park(jdbc, "old", NOW.minus(Duration.ofDays(40)));
        park(jdbc, "recent", NOW);

        int operational = new JdbcRetentionStore(jdbc)
                .purge(WEEK.minus(200), WEEK.minus(30), NOW.minus(Duration.ofDays(30)))
                .operational();

        assertThat(operational).isEqualTo(1);
        assertThat(jdbc.sql("SELECT task_instance FROM work_dead_letter")
                        .query(String.class)
                        .list())
                .containsExactly("recent");
    }

    private static void park(JdbcClient jdbc, String key, Instant at) {
        jdbc.sql("""
                INSERT INTO work_dead_letter (task_name, task_instance, task_data, attempts, parked_at)
                VALUES ('slack-request', :key, :data, 10, :at)""")
                .param("key", key)
                .param("data", new byte[] {7})
                .param("at", SqlSupport.utc(at))
                .update();
    }
}
