package app.trustpulse.pulse;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.stream.Collectors;

/** How days, times and scores read in a language. */
public final class TextFormats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private TextFormats() {}

    public static String day(Language language, DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, language.locale());
    }

    public static String days(Language language, Collection<DayOfWeek> days) {
        return days.stream()
                .sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, language.locale()).replace(".", ""))
                .collect(Collectors.joining(", "));
    }

    /** The day of a moment with its date, "Friday 11 December" or "vrijdag 11 december". */
    public static String dayAndDate(Language language, ZonedDateTime moment) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM", language.locale()).format(moment);
    }

    public static String time(LocalTime time) {
        return TIME.format(time);
    }

    /** A mean with one decimal, with the language's decimal mark. */
    public static String score(Language language, double value) {
        return String.format(language.locale(), "%.1f", PulseCalculator.oneDecimal(value));
    }

    /** A delay as typed in a command, such as 4h or 1h30m; for people, see {@link Texts#duration}. */
    public static String duration(java.time.Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0
                ? (minutes / 60) + "h"
                : minutes < 60 ? minutes + "m" : (minutes / 60) + "h" + (minutes % 60) + "m";
    }

    /**
     * The difference of two numbers as they are shown, each with one decimal, with its arrow: beside a self-check of
     * 5 and a team score shown as 3.8 the gap reads +1.2, whether the team's exact mean was 3.75 or 3.84.
     */
    public static String difference(Language language, double shown, double other) {
        return change(
                language,
                BigDecimal.valueOf(PulseCalculator.oneDecimal(shown))
                        .subtract(BigDecimal.valueOf(PulseCalculator.oneDecimal(other)))
                        .doubleValue());
    }

    /** A change with its arrow: ▲ +0.4, ▼ −0.3, or = 0.0. */
    public static String change(Language language, double change) {
        double rounded = PulseCalculator.oneDecimal(change);
        if (rounded > 0) {
            return "▲ +" + score(language, rounded);
        }
        if (rounded < 0) {
            return "▼ −" + score(language, -rounded);
        }
        return "= " + score(language, 0.0);
    }
}
