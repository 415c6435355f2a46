package app.trustpulse.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartz.TriggerUtils;
import org.quartz.spi.OperableTrigger;

/** Europe/Amsterdam moves its clocks on the last Sundays of March and October; check-ins must not move or double. */
class DaylightSavingTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static Team team() {
        return new Team(
                42,
                Platform.PLAYGROUND,
                "demo",
                "team",
                "team",
                AMSTERDAM,
                Language.EN,
                3,
                TeamSchedule.defaults(),
                false);
    }

    private static List<ZonedDateTime> fireTimes(Set<DayOfWeek> days, LocalTime time, LocalDate from, LocalDate to) {
        OperableTrigger trigger =
                (OperableTrigger) QuartzTeamTriggers.cronTrigger(team(), TeamJobs.CHECK_IN, days, time);
        List<Date> times = TriggerUtils.computeFireTimesBetween(
                trigger,
                null,
                Date.from(from.atStartOfDay(AMSTERDAM).toInstant()),
                Date.from(to.atStartOfDay(AMSTERDAM).toInstant()));
        return times.stream().map(d -> d.toInstant().atZone(AMSTERDAM)).toList();
    }

    @Test
    void springForwardKeepsCheckInsAtHalfPastNineLocalOncePerDay() {
        // 2027-03-28: 02:00 becomes 03:00.
        List<ZonedDateTime> times = fireTimes(
                Set.of(DayOfWeek.values()), LocalTime.of(9, 30), LocalDate.of(2027, 3, 25), LocalDate.of(2027, 4, 1));
        assertThat(times).hasSize(7);
        assertThat(times).allMatch(t -> t.toLocalTime().equals(LocalTime.of(9, 30)));
        assertThat(times.stream().map(ZonedDateTime::toLocalDate).distinct()).hasSize(7);
        assertThat(times.get(2).getOffset().getTotalSeconds()).isEqualTo(3600);
        assertThat(times.get(3).getOffset().getTotalSeconds()).isEqualTo(7200);
    }

    @Test
    void fallBackKeepsCheckInsAtHalfPastNineLocalOncePerDay() {
        // 2027-10-31: 03:00 becomes 02:00 again.
        List<ZonedDateTime> times = fireTimes(
                Set.of(DayOfWeek.values()), LocalTime.of(9, 30), LocalDate.of(2027, 10, 28), LocalDate.of(2027, 11, 4));
        assertThat(times).hasSize(7);
        assertThat(times).allMatch(t -> t.toLocalTime().equals(LocalTime.of(9, 30)));
        assertThat(times.stream().map(ZonedDateTime::toLocalDate).distinct()).hasSize(7);
    }

    @Test
    void aTimeInsideTheRepeatedAutumnHourFiresOnceAndOneInsideTheSkippedSpringHourIsNotLost() {
        List<ZonedDateTime> autumn = fireTimes(
                Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), LocalDate.of(2027, 10, 30), LocalDate.of(2027, 11, 1));
        assertThat(autumn).hasSize(1);
        List<ZonedDateTime> spring = fireTimes(
                Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 29));
        assertThat(spring).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void theDefaultScheduleFiresMondayWednesdayFridayAcrossTheAutumnShift() {
        List<ZonedDateTime> times = fireTimes(
                TeamSchedule.defaults().checkInDays(),
                LocalTime.of(9, 30),
                LocalDate.of(2027, 10, 25),
                LocalDate.of(2027, 11, 8));
        assertThat(times)
                .extracting(ZonedDateTime::getDayOfWeek)
                .containsExactly(
                        DayOfWeek.MONDAY,
                        DayOfWeek.WEDNESDAY,
                        DayOfWeek.FRIDAY,
                        DayOfWeek.MONDAY,
                        DayOfWeek.WEDNESDAY,
                        DayOfWeek.FRIDAY);
        assertThat(times).allMatch(t -> t.toLocalTime().equals(LocalTime.of(9, 30)));
    }
}
