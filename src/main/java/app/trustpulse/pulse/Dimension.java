package app.trustpulse.pulse;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The six dimensions of the 6 V model, in model order. Codes are stable: they are stored. */
public enum Dimension {
    VISION("visie", "vision"),
    TRUST("vertrouwen", "trust"),
    RESPONSIBILITY("verantwoordelijkheid", "responsibility"),
    FREEDOM("vrijheid", "freedom"),
    CONNECTION("verbinding", "connection"),
    SAFETY("veiligheid", "safety");

    private final String dutchWord;
    private final String englishWord;

    Dimension(String dutchWord, String englishWord) {
        this.dutchWord = dutchWord;
        this.englishWord = englishWord;
    }

    /** 1 for VISION through 6 for SAFETY, as in "V4". */
    public int number() {
        return ordinal() + 1;
    }

    public static List<Dimension> inModelOrder() {
        return List.of(values());
    }

    public static Dimension byNumber(int number) {
        if (number < 1 || number > 6) {
            throw new IllegalArgumentException("dimension number must be 1..6: " + number);
        }
        return values()[number - 1];
    }

    /** Reads a code, a Dutch or English name, or V1..V6, ignoring case. */
    public static Optional<Dimension> lookup(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        if (w.matches("v[1-6]")) {
            return Optional.of(byNumber(w.charAt(1) - '0'));
        }
        return Arrays.stream(values())
                .filter(d -> d.dutchWord.equals(w)
                        || d.englishWord.equals(w)
                        || d.name().toLowerCase(Locale.ROOT).equals(w))
                .findFirst();
    }
}
