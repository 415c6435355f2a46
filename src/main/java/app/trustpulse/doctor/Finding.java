package app.trustpulse.doctor;

import java.util.List;

/**
 * What one check of an install found: all is well, or what to do about it. The text is a message key of the
 * {@code doctor.*} texts with its arguments, so the doctor can say it in the reader's language.
 */
public record Finding(boolean ok, String key, List<Object> args) {

    public Finding {
        args = List.copyOf(args);
    }

    public static Finding ok(String key, Object... args) {
        return new Finding(true, key, List.of(args));
    }

    public static Finding fix(String key, Object... args) {
        return new Finding(false, key, List.of(args));
    }
}
