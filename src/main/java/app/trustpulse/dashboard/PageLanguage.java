package app.trustpulse.dashboard;

import app.trustpulse.pulse.Language;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/** The language the page is shown in: Dutch for a Dutch browser or after choosing it, English otherwise. */
final class PageLanguage {

    private PageLanguage() {}

    static Language current() {
        return Language.lookup(LocaleContextHolder.getLocale().getLanguage()).orElse(Language.EN);
    }

    static Locale locale() {
        return current().locale();
    }
}
