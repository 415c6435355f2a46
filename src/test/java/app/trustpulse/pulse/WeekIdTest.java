package app.trustpulse.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WeekIdTest {

    @Test
    void everyDayFallsInTheIsoWeekWhoseMondayStartsIt() {
        for (LocalDate d = LocalDate.of(2000, 1, 1); d.getYear() < 2041; d = d.plusDays(1)) {
            WeekId week = WeekId.of(d);
            assertThat(week.monday()).as("%s", d).isEqualTo(d.with(DayOfWeek.MONDAY));
        }
    }

    @Test
    void weeksOrderAcrossYearsIncludingWeek53() {
        WeekId w53 = new WeekId(2026, 53);
        assertThat(w53.plus(1)).isEqualTo(new WeekId(2027, 1));
        assertThat(w53.compareTo(new WeekId(2027, 1))).isNegative();
        assertThat(new WeekId(2027, 1).minus(1)).isEqualTo(w53);
        assertThat(new WeekId(2026, 47).compareTo(new WeekId(2026, 47))).isZero();
        assertThat(new WeekId(2026, 47).compareTo(new WeekId(2026, 46))).isPositive();
    }

    @Test
    void printsTheIsoFormWithFourYearDigitsAndTwoWeekDigitsAndReadsItBack() {
        assertThat(new WeekId(2026, 7)).hasToString("2026-W07");
        assertThat(new WeekId(2026, 47)).hasToString("2026-W47");
        assertThat(new WeekId(987, 1)).hasToString("0987-W01");
        for (int week = 1; week <= 53; week++) {
            WeekId id = new WeekId(2026, week);
            assertThat(WeekId.parse(id.toString())).isEqualTo(id);
        }
    }
}
