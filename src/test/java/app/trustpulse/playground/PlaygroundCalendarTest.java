package app.trustpulse.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.pulse.WeekId;
import app.trustpulse.support.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "Next week" moves the playground's clock a week on, keeps it across restarts and instances, and back on Start over. */
class PlaygroundCalendarTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final DataSource db = TestDatabases.h2();
    private final Clock real = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void nextWeekMovesTheClockOneWeekOnAndKeepsItForTheNextStartAndOtherInstances() {
        PlaygroundStore store = new PlaygroundStore(JdbcClient.create(db), real);
        PlaygroundClock clock = new PlaygroundClock(real);
        PlaygroundCalendar calendar = new PlaygroundCalendar(store, clock);
        calendar.afterSingletonsInstantiated();
        WeekId today = WeekId.of(NOW, AMSTERDAM);
        assertThat(clock.instant()).isEqualTo(NOW);

        assertThat(calendar.nextWeek()).isEqualTo(1);
        assertThat(calendar.nextWeek()).isEqualTo(2);
        assertThat(clock.instant()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(WeekId.of(clock.withZone(AMSTERDAM).instant(), AMSTERDAM)).isEqualTo(today.plus(2));
        assertThat(calendar.weeksAhead()).isEqualTo(2);

        // A restart, or a second instance on the same database, takes the week over.
        PlaygroundClock other = new PlaygroundClock(real);
        new PlaygroundCalendar(new PlaygroundStore(JdbcClient.create(db), real), other).afterSingletonsInstantiated();
        assertThat(other.weeksAhead()).isEqualTo(2);

        // Start over: the stored week goes with the playground's rows, and the clock is today's again.
        store.clear(Playground.WORKSPACE);
        calendar.today();
        assertThat(clock.instant()).isEqualTo(NOW);
        calendar.sync();
        assertThat(calendar.weeksAhead()).isZero();
    }

    @Test
    void besideARealPlatformTheClockIsTheRealOneAndTheWeekDoesNotMove() {
        PlaygroundStore store = new PlaygroundStore(JdbcClient.create(db), real);
        PlaygroundCalendar calendar = new PlaygroundCalendar(store, real);
        calendar.afterSingletonsInstantiated();

        assertThat(calendar.movable()).isFalse();
        assertThatThrownBy(calendar::nextWeek).isInstanceOfSatisfying(PlaygroundRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.key()).isEqualTo("playground.error.calendar-fixed");
        });
        assertThat(store.weeksAhead(Playground.WORKSPACE)).isZero();
        assertThat(real.instant()).isEqualTo(NOW);
    }

    @Test
    void theClockNeverRunsBehindToday() {
        assertThatThrownBy(() -> new PlaygroundClock(real).weeksAhead(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
