package app.trustpulse.pulse;

import java.util.Locale;
import java.util.Optional;

/** The languages the bot speaks. */
public enum Language {
    NL,
    EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static Optional<Language> lookup(String code) {
        for (Language l : values()) {
            if (l.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
