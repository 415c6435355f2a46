package app.trustpulse.promise;

import app.trustpulse.pulse.Dimension;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the words of a promise typed into a form: "safety: I will ask for a dissenting view in every planning
 * meeting" sets the focus, words without "dimension:" keep the focus offered. Only a dimension followed by a colon
 * counts, so "Trust me, I will …" is read as words.
 */
final class PromiseWords {

    private static final Pattern PREFIX = Pattern.compile("^\\s*([\\p{L}\\d]+)\\s*:\\s*(.*)$", Pattern.DOTALL);

    /** The focus and the words, or the message key of what is wrong. */
    public record Read(Optional<Dimension> focus, String text, Optional<String> problem) {}

    private PromiseWords() {}

    public static Read read(String input, Optional<Dimension> offered) {
        String words = input == null ? "" : input.strip();
        Optional<Dimension> focus = offered;
        Matcher m = PREFIX.matcher(words);
        if (m.matches()) {
            Optional<Dimension> named = Dimension.lookup(m.group(1));
            if (named.isPresent()) {
                focus = named;
                words = m.group(2).strip();
            }
        }
        return check(focus, words);
    }

    /** The words alone, the focus already known. */
    public static Read check(Optional<Dimension> focus, String text) {
        String words = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (words.isEmpty()) {
            return new Read(focus, words, Optional.of("promise.empty"));
        }
        if (words.length() > Promise.MAX_LENGTH) {
            return new Read(focus, words, Optional.of("promise.tooLong"));
        }
        return new Read(focus, words, Optional.empty());
    }
}
