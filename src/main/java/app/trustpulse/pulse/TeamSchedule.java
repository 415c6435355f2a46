package app.trustpulse.pulse;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** When a team's prompts go out, in the team's timezone. */
public record TeamSchedule(
        SortedSet<DayOfWeek> checkInDays,
        LocalTime checkInTime,
        DayOfWeek summaryDay,
        LocalTime summaryTime,
        SortedSet<DayOfWeek> nudgeDays,
        LocalTime nudgeTime,
        Optional<Duration> reminderDelay) {

    public static final LocalTime EARLIEST_PROMPT = LocalTime.of(8, 0);
    public static final LocalTime LATEST_PROMPT = LocalTime.of(18, 0);

    public TeamSchedule {
        checkInDays = new TreeSet<>(checkInDays);
        nudgeDays = new TreeSet<>(nudgeDays);
        if (checkInDays.isEmpty()) {
            throw new IllegalArgumentException("at least one check-in day");
        }
    }

    public static TeamSchedule defaults() {
        return new TeamSchedule(
                days(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)),
                LocalTime.of(9, 30),
                DayOfWeek.FRIDAY,
                LocalTime.of(16, 0),
                days(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)),
                LocalTime.of(10, 0),
                Optional.of(Duration.ofHours(4)));
    }

    public static boolean withinPromptHours(LocalTime time) {
        return !time.isBefore(EARLIEST_PROMPT) && !time.isAfter(LATEST_PROMPT);
    }

    private static SortedSet<DayOfWeek> days(Set<DayOfWeek> days) {
        return new TreeSet<>(days);
    }

    /**
     * The week close that comes next, in the team's timezone: this week's close until it is reached, from then on
     * next week's. A close at the very moment {@code now} has happened already.
     */
    public ZonedDateTime nextClose(Instant now, ZoneId zone) {
        LocalDate day = now.atZone(zone).toLocalDate().with(TemporalAdjusters.nextOrSame(summaryDay));
        ZonedDateTime close = day.atTime(summaryTime).atZone(zone);
        return close.toInstant().isAfter(now)
                ? close
                : day.plusWeeks(1).atTime(summaryTime).atZone(zone);
    }

    /** The position of a day among the check-in days (0-based), or -1 when it is not one. */
    public int checkInSlot(DayOfWeek day) {
        return checkInDays.contains(day) ? checkInDays.headSet(day).size() : -1;
    }

    public TeamSchedule withCheckIns(Set<DayOfWeek> days, LocalTime time) {
        return new TeamSchedule(days(days), time, summaryDay, summaryTime, nudgeDays, nudgeTime, reminderDelay);
    }

    public TeamSchedule withSummary(DayOfWeek day, LocalTime time) {
        return new TeamSchedule(checkInDays, checkInTime, day, time, nudgeDays, nudgeTime, reminderDelay);
    }

    public TeamSchedule withNudges(Set<DayOfWeek> days, LocalTime time) {
        return new TeamSchedule(checkInDays, checkInTime, summaryDay, summaryTime, days(days), time, reminderDelay);
    }

    public TeamSchedule withReminder(Optional<Duration> delay) {
        return new TeamSchedule(checkInDays, checkInTime, summaryDay, summaryTime, nudgeDays, nudgeTime, delay);
    }
}
