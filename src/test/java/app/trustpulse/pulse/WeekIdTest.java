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
}
