package app.trustpulse.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TeamScheduleTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** Friday 16:00 is the default close; 2026-12-07 is a Monday. */
    @ParameterizedTest
    @CsvSource({
        "2026-12-07T09:00, 2026-12-11T16:00",
        "2026-12-11T15:59, 2026-12-11T16:00",
        "2026-12-11T16:00, 2026-12-18T16:00",
        "2026-12-11T17:30, 2026-12-18T16:00",
        "2026-12-12T10:00, 2026-12-18T16:00",
        "2026-12-13T23:59, 2026-12-18T16:00"
    })
    void theNextCloseIsThisWeeksUntilItPassesThenNextWeeks(LocalDateTime now, LocalDateTime close) {
        Instant at = now.atZone(AMSTERDAM).toInstant();

        assertThat(TeamSchedule.defaults().nextClose(at, AMSTERDAM)).isEqualTo(close.atZone(AMSTERDAM));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-12-12T10:00, EN, Friday 18 December",
        "2026-12-12T10:00, NL, vrijdag 18 december",
        "2026-12-09T10:00, NL, vrijdag 11 december"
    })
    void theCloseIsNamedWithItsDateInTheTeamsLanguage(LocalDateTime now, Language lang, String named) {
        ZonedDateTime close =
                TeamSchedule.defaults().nextClose(now.atZone(AMSTERDAM).toInstant(), AMSTERDAM);

        assertThat(TextFormats.dayAndDate(lang, close)).isEqualTo(named);
    }

    @ParameterizedTest
    @CsvSource({
        // 16:00 on a Monday in New York is 22:00 in Amsterdam: the team's own clock decides
        "2026-12-07T20:59:00Z, 2026-12-07T16:00",
        "2026-12-07T21:00:00Z, 2026-12-14T16:00"
    })
    void theCloseFollowsTheTeamsTimezone(Instant now, LocalDateTime close) {
        ZoneId newYork = ZoneId.of("America/New_York");
        TeamSchedule mondays = TeamSchedule.defaults().withSummary(DayOfWeek.MONDAY, LocalTime.of(16, 0));

        assertThat(mondays.nextClose(now, newYork)).isEqualTo(close.atZone(newYork));
    }
}
