package app.trustpulse.playground;

import app.trustpulse.pulse.Language;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/** The playground's own words, from the bundle {@code i18n/playground}, in the same style as the core's texts. */
final class PlaygroundTexts {

    static final String BUNDLE = "i18n/playground";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    String get(Language language, String key, Object... args) {
        String pattern = bundle(language).getString(key);
        for (int i = 0; i < args.length; i++) {
            pattern = pattern.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return pattern;
    }

    /** Every text of the bundle, by key, for the page. */
    Map<String, String> all(Language language) {
        ResourceBundle rb = bundle(language);
        Map<String, String> texts = new TreeMap<>();
        rb.keySet().forEach(k -> texts.put(k, rb.getString(k)));
        return texts;
    }

    private static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle(BUNDLE, language.locale(), PlaygroundTexts.class.getClassLoader(), NO_FALLBACK);
    }
}
