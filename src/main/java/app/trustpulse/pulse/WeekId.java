package app.trustpulse.pulse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO week, e.g. 2026-W47. Which week a moment falls in depends on the team's timezone. */
public record WeekId(int year, int week) implements Comparable<WeekId> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public WeekId {
        if (week < 1 || week > 53) {
            throw new IllegalArgumentException("ISO week must be 1..53: " + week);
        }
    }

    public static WeekId of(LocalDate date) {
        return new WeekId(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static WeekId of(Instant moment, ZoneId zone) {
        return of(moment.atZone(zone).toLocalDate());
    }

    public static WeekId parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an ISO week: " + text);
        }
        return new WeekId(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public LocalDate monday() {
        // Week 1 is the week with 4 January in it.
        LocalDate january4 = LocalDate.of(year, 1, 4);
        return january4.minusDays(january4.getDayOfWeek().getValue() - 1L).plusWeeks(week - 1L);
    }

    public WeekId minus(int weeks) {
        return of(monday().minusWeeks(weeks));
    }

    public WeekId plus(int weeks) {
        return of(monday().plusWeeks(weeks));
    }

    /** A number that grows by one each week; used to rotate statements and nudges. */
    public long ordinal() {
        return monday().toEpochDay() / 7;
    }

    @Override
    public int compareTo(WeekId other) {
        // ISO weeks order by week-based year, then week; no date arithmetic needed (this sits in every TreeMap lookup).
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(week, other.week);
    }

    @Override
    public String toString() {
        // Built by hand: this is a parameter of most queries, and String.format cost more than the query's own setup.
        StringBuilder text = new StringBuilder(8);
        String digits = Integer.toString(year);
        text.append("0".repeat(Math.max(0, 4 - digits.length()))).append(digits).append("-W");
        return (week < 10 ? text.append('0') : text).append(week).toString();
    }
}
