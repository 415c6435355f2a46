package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.NOW;
import static app.trustpulse.persistence.Fixtures.WEEK;
import static app.trustpulse.persistence.Fixtures.concurrently;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcProcessedEventsTest {

    @BothDatabases
    void aKeyIsNewOnlyOnce(TestDb db) throws Exception {
        var events = new JdbcProcessedEvents(db.dataSource());

        List<Boolean> first = concurrently(6, () -> events.firstTime("slack:Ev123", NOW));

        assertThat(first).containsOnlyOnce(true);
        assertThat(events.firstTime("slack:Ev123", NOW.plusSeconds(5))).isFalse();
        assertThat(events.firstTime("slack:Ev124", NOW)).isTrue();
    }

    @BothDatabases
    void keysAreStoredAsHashesSoTheTableNamesNoOne(TestDb db) {
        DataSource dataSource = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        var events = new JdbcProcessedEvents(dataSource);
        events.firstTime("teams:activity:29:1abcUSER", NOW);

        assertThat(jdbc.sql("SELECT event_key FROM processed_event")
                        .query(String.class)
                        .list())
                .singleElement()
                .satisfies(k -> assertThat(k).matches("[0-9a-f]{64}").doesNotContain("USER"));
    }

    @BothDatabases
    void theRetentionForgetsKeysOlderThanItsCutoff(TestDb db) {
        DataSource dataSource = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        var events = new JdbcProcessedEvents(dataSource);
        events.firstTime("old", NOW.minus(Duration.ofDays(40)));
        events.firstTime("recent", NOW);

        new JdbcRetentionStore(jdbc).purge(WEEK.minus(200), WEEK.minus(30), NOW.minus(Duration.ofDays(30)));

        assertThat(events.firstTime("old", NOW)).as("forgotten").isTrue();
        assertThat(events.firstTime("recent", NOW)).isFalse();
    }

    @BothDatabases
    void aKeyIsSeenOnceMarkedAndLookingDoesNotMarkIt(TestDb db) {
        var events = new JdbcProcessedEvents(db.dataSource());

        assertThat(events.seen("slack:event:Ev1")).isFalse();
        assertThat(events.seen("slack:event:Ev1"))
                .as("still not marked by looking")
                .isFalse();
        events.firstTime("slack:event:Ev1", NOW);

        assertThat(events.seen("slack:event:Ev1")).isTrue();
        assertThat(events.seen("slack:event:Ev2")).isFalse();
    }
}
