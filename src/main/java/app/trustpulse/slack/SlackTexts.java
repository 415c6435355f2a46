package app.trustpulse.slack;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Texts;
import java.util.Locale;

/** The adapter's own few words (modal buttons, errors), from the {@code i18n/slack} bundle. */
class SlackTexts {

    private final Texts texts = new Texts();

    String get(Language language, String key, Object... args) {
        return texts.get(language, key, args);
    }

    /** The language of a Slack locale such as {@code nl-NL}; English for anything else. */
    static Language languageOf(String slackLocale) {
        if (slackLocale != null && slackLocale.toLowerCase(Locale.ROOT).startsWith("nl")) {
            return Language.NL;
        }
        return Language.EN;
    }
}
