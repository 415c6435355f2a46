package app.trustpulse.dashboard;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import java.text.Collator;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the settings form offers to pick from, labelled in the page's language: the days of the week, the languages,
 * the timezones by region, the reminder delays. A value the form holds but the lists lack (one set in the chat, or one
 * just refused) is offered too, so the form always shows what is set or what was entered.
 */
final class SettingsChoices {

    /** A choice: the value the command takes and its label on the page. */
    record Option(String value, String label) {}

    /** Timezones of one region, e.g. Europe, sorted by name. */
    record ZoneGroup(String label, List<Option> zones) {}

    /** The regions of the IANA timezone names that stand for places, in the order the list shows them. */
    static final List<String> REGIONS = List.of(
            "Europe",
            "America",
            "Africa",
            "Asia",
            "Atlantic",
            "Australia",
            "Indian",
            "Pacific",
            "Antarctica",
            "Arctic");

    /** Delays between the shortest and the longest reminder the command takes. */
    static final List<Duration> REMINDERS = Stream.of(30, 60, 90, 120, 180, 240, 360, 480, 720, 1440)
            .map(Duration::ofMinutes)
            .toList();

    private final Texts texts;
    private final Language lang;

    SettingsChoices(Texts texts, Language lang) {
        this.texts = texts;
        this.lang = lang;
    }

    List<Option> days() {
        List<Option> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            days.add(new Option(SettingsController.code(d), TextFormats.day(lang, d)));
        }
        return days;
    }

    List<Option> languages(String current) {
        List<Option> languages = new ArrayList<>();
        for (Language l : Language.values()) {
            languages.add(new Option(l.code(), texts.get(lang, "dashboard.settings.language." + l.code())));
        }
        return withCurrent(languages, current);
    }

    /** The IANA names of places, by region; UTC and whatever else the team has (e.g. Etc/GMT-2) under "other". */
    List<ZoneGroup> timezones(String current) {
        Collator collator = Collator.getInstance(lang.locale());
        Map<String, List<Option>> byRegion = new TreeMap<>(Comparator.comparingInt(REGIONS::indexOf));
        List<Option> other = new ArrayList<>();
        other.add(new Option("UTC", "UTC"));
        for (String id : ZoneId.getAvailableZoneIds()) {
            int slash = id.indexOf('/');
            String region = slash < 0 ? "" : id.substring(0, slash);
            if (REGIONS.contains(region)) {
                byRegion.computeIfAbsent(region, r -> new ArrayList<>())
                        .add(new Option(
                                id, id.substring(slash + 1).replace('_', ' ').replace("/", " – ")));
            }
        }
        boolean known = current == null
                || current.isBlank()
                || current.equals("UTC")
                || byRegion.values().stream()
                        .flatMap(List::stream)
                        .anyMatch(o -> o.value().equals(current));
        if (!known) {
            other.add(new Option(current, current));
        }
        List<ZoneGroup> groups = new ArrayList<>();
        byRegion.forEach((region, zones) -> {
            zones.sort(Comparator.comparing(Option::label, collator));
            groups.add(new ZoneGroup(texts.get(lang, "dashboard.settings.region." + region), zones));
        });
        groups.add(new ZoneGroup(texts.get(lang, "dashboard.settings.region.other"), other));
        return groups;
    }

    List<Option> reminders(String current) {
        List<Option> reminders = new ArrayList<>();
        reminders.add(new Option("off", texts.get(lang, "dashboard.settings.reminder.off")));
        for (Duration d : REMINDERS) {
            reminders.add(new Option(TextFormats.duration(d), delay(d)));
        }
        return withCurrent(reminders, current);
    }

    /** "4 hours", "30 minutes", "1 hour and 30 minutes", in the page's language. */
    String delay(Duration d) {
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        String h = texts.get(lang, "dashboard.settings.reminder.hours", hours);
        String m = texts.get(lang, "dashboard.settings.reminder.minutes", minutes);
        if (hours == 0) {
            return m;
        }
        return minutes == 0 ? h : texts.get(lang, "dashboard.settings.reminder.both", h, m);
    }

    private static List<Option> withCurrent(List<Option> options, String current) {
        if (current != null
                && !current.isBlank()
                && options.stream().noneMatch(o -> o.value().equalsIgnoreCase(current.strip()))) {
            options.add(new Option(current.strip(), current.strip()));
        }
        return options;
    }
}
