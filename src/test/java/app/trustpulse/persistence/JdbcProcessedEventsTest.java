package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.NOW;
import static app.trustpulse.persistence.Fixtures.concurrently;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

class JdbcProcessedEventsTest {

    @BothDatabases
    void aKeyIsNewOnlyOnce(TestDb db) throws Exception {
        var events = new JdbcProcessedEvents(jdbc(db));

        List<Boolean> first = concurrently(6, () -> events.firstTime("slack:Ev123", NOW));

        assertThat(first).containsOnlyOnce(true);
        assertThat(events.firstTime("slack:Ev123", NOW.plusSeconds(5))).isFalse();
        assertThat(events.firstTime("slack:Ev124", NOW)).isTrue();
    }

    @BothDatabases
    void purgesKeysOlderThanTheCutoff(TestDb db) {
        var events = new JdbcProcessedEvents(jdbc(db));
        events.firstTime("old", NOW.minus(Duration.ofDays(2)));
        events.firstTime("recent", NOW);

        assertThat(events.purgeBefore(NOW.minus(Duration.ofDays(1)))).isEqualTo(1);

        assertThat(events.firstTime("old", NOW)).as("forgotten").isTrue();
        assertThat(events.firstTime("recent", NOW)).isFalse();
    }
}
