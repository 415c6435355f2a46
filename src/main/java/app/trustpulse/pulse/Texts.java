package app.trustpulse.pulse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User-facing text, from the resource bundles {@code i18n/messages} and {@code i18n/statements}.
 * Placeholders are {0}, {1}, ...; they are replaced literally, so apostrophes need no escaping. Counts pick their
 * form with {@code {0,plural,none|one|more}}.
 */
public final class Texts {

    private static final Pattern PLURAL = Pattern.compile("\\{(\\d+),plural,([^}]*)}");

    public static final List<String> BUNDLES = List.of(
            "i18n/messages",
            "i18n/statements",
            "i18n/playground",
            "i18n/slack",
            "i18n/dashboard",
            "i18n/charts",
            "i18n/teams");

    /** Loaded once per language: a text is looked up for nearly every line the service writes to anyone. */
    private static final Map<Language, Map<String, String>> ALL = new ConcurrentHashMap<>();

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public String get(Language language, String key, Object... args) {
        String pattern = plurals(lookup(language, key), args);
        for (int i = 0; i < args.length; i++) {
            pattern = pattern.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return pattern;
    }

    /**
     * {@code {0,plural,none|one|more}} picks the form for the count in argument 0 (a missing form falls back to the
     * last one); {@code #} in the form stands for the number. Plain {@code {0}} placeholders are left as they are.
     */
    private static String plurals(String pattern, Object[] args) {
        if (!pattern.contains(",plural,")) {
            return pattern;
        }
        Matcher m = PLURAL.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            String[] forms = m.group(2).split("\\|", -1);
            long n =
                    index < args.length && args[index] instanceof Number number ? number.longValue() : forms.length - 1;
            String form = forms[(int) Math.min(Math.max(n, 0), forms.length - 1)].replace("#", String.valueOf(n));
            m.appendReplacement(out, Matcher.quoteReplacement(form));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A delay as a person reads it: "4 hours", "1 hour and 30 minutes"; "4 uur", "1 uur en 30 minuten". */
    public String duration(Language language, java.time.Duration delay) {
        long hours = delay.toHours();
        long minutes = delay.toMinutesPart();
        if (hours == 0) {
            return get(language, "duration.minutes", minutes);
        }
        if (minutes == 0) {
            return get(language, "duration.hours", hours);
        }
        return get(
                language,
                "duration.hoursAndMinutes",
                get(language, "duration.hours", hours),
                get(language, "duration.minutes", minutes));
    }

    public String dimensionName(Language language, Dimension dimension) {
        return get(language, "dimension." + dimension.name() + ".name");
    }

    public boolean has(Language language, String key) {
        try {
            lookup(language, key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    private static String lookup(Language language, String key) {
        String text = ALL.computeIfAbsent(language, Texts::load).get(key);
        if (text == null) {
            throw new MissingResourceException("no text for " + key + " in " + language, Texts.class.getName(), key);
        }
        return text;
    }

    /** Every text of the language, the first bundle that has a key giving its text. */
    private static Map<String, String> load(Language language) {
        Map<String, String> texts = new HashMap<>();
        for (String bundle : BUNDLES) {
            ResourceBundle rb =
                    ResourceBundle.getBundle(bundle, language.locale(), Texts.class.getClassLoader(), NO_FALLBACK);
            for (String key : rb.keySet()) {
                texts.putIfAbsent(key, rb.getString(key));
            }
        }
        return Map.copyOf(texts);
    }
}
