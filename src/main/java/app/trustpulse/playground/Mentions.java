package app.trustpulse.playground;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a person types in the playground into what the core expects from a platform: {@code @Name} or
 * {@code @userId} becomes {@code <@userId>}, {@code #channel} becomes {@code <#channel>}. A name that fits
 * nobody, or more than one person, is left as typed, so the core can say what was wrong.
 */
final class Mentions {

    private static final String WORD = "[\\p{L}\\p{N}_]+(?:[.\\-][\\p{L}\\p{N}_]+)*";
    private static final Pattern USER = Pattern.compile("(?<![\\p{L}\\p{N}_<])@(" + WORD + ")");
    private static final Pattern CHANNEL = Pattern.compile("(?<![\\p{L}\\p{N}_<])#(" + WORD + ")");

    private Mentions() {}

    static String resolve(String text, List<Person> people, Collection<String> channels) {
        String withUsers = replace(USER, text, token -> person(token, people).map(p -> "<@" + p.userId() + ">"));
        return replace(
                CHANNEL,
                withUsers,
                token -> channels.stream()
                        .filter(c -> c.equalsIgnoreCase(token))
                        .findFirst()
                        .map(c -> "<#" + c + ">"));
    }

    private static Optional<Person> person(String token, List<Person> people) {
        for (Person p : people) {
            if (p.userId().equalsIgnoreCase(token)) {
                return Optional.of(p);
            }
        }
        List<Person> byName = people.stream()
                .filter(p -> p.displayName().equalsIgnoreCase(token))
                .toList();
        if (byName.size() == 1) {
            return Optional.of(byName.get(0));
        }
        List<Person> byFirstWord = people.stream()
                .filter(p -> firstWord(p.displayName()).equals(lower(token)))
                .toList();
        return byFirstWord.size() == 1 ? Optional.of(byFirstWord.get(0)) : Optional.empty();
    }

    private static String firstWord(String name) {
        String[] words = name.trim().split("[\\s()]+", 2);
        return lower(words[0]);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String replace(
            Pattern pattern, String text, java.util.function.Function<String, Optional<String>> f) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = f.apply(m.group(1)).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
