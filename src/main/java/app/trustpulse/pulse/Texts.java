package app.trustpulse.pulse;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text, from the resource bundles {@code i18n/messages} and {@code i18n/statements}.
 * Placeholders are {0}, {1}, ...; they are replaced literally, so apostrophes need no escaping.
 */
public final class Texts {

    public static final List<String> BUNDLES = List.of("i18n/messages", "i18n/statements", "i18n/playground", "i18n/slack", "i18n/dashboard", "i18n/charts",
            "i18n/teams");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public String get(Language language, String key, Object... args) {
        String pattern = lookup(language, key);
        for (int i = 0; i < args.length; i++) {
            pattern = pattern.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return pattern;
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
        Locale locale = language.locale();
        for (String bundle : BUNDLES) {
            ResourceBundle rb = ResourceBundle.getBundle(bundle, locale, Texts.class.getClassLoader(), NO_FALLBACK);
            if (rb.containsKey(key)) {
                return rb.getString(key);
            }
        }
        throw new MissingResourceException("no text for " + key + " in " + language, Texts.class.getName(), key);
    }
}
