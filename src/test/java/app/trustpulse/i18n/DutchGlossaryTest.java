package app.trustpulse.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A Dutch screen speaks Dutch, in the words of docs/glossary.md: every text of every *_nl bundle and every Dutch
 * nudge is checked for the English words and the Dutch words the glossary rules out, and for English duration units.
 * Commands stay as typed ("/pulse status"), and so does the product's name.
 */
class DutchGlossaryTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path NUDGES = Path.of("src/main/resources/nudges/nl/nudges.yml");

    /** Forbidden word (lower case, whole word) and what to write instead. */
    static final Map<String, String> FORBIDDEN = new LinkedHashMap<>();

    static {
        FORBIDDEN.put("pulse", "puls");
        FORBIDDEN.put("pulses", "pulsen");
        FORBIDDEN.put("pulsmeting", "puls");
        FORBIDDEN.put("pulsmetingen", "pulsen");
        FORBIDDEN.put("nudge", "tip");
        FORBIDDEN.put("nudges", "tips");
        FORBIDDEN.put("leader", "leidinggevende");
        FORBIDDEN.put("leaders", "leidinggevenden");
        FORBIDDEN.put("leider", "leidinggevende");
        FORBIDDEN.put("leiders", "leidinggevenden");
        FORBIDDEN.put("digest", "weekoverzicht");
        FORBIDDEN.put("leidersoverzicht", "weekoverzicht");
        FORBIDDEN.put("tussentijdse", "halverwege de week");
        FORBIDDEN.put("admin", "beheerder");
        FORBIDDEN.put("threshold", "drempel");
        FORBIDDEN.put("withheld", "niet getoond");
        FORBIDDEN.put("achtergehouden", "niet getoond");
        FORBIDDEN.put("self-check", "zelfcheck");
        FORBIDDEN.put("on", "aan");
        FORBIDDEN.put("off", "uit");
        FORBIDDEN.put("member", "teamlid");
        FORBIDDEN.put("members", "teamleden");
        FORBIDDEN.put("mon", "ma");
        FORBIDDEN.put("tue", "di");
        FORBIDDEN.put("wed", "wo");
        FORBIDDEN.put("thu", "do");
        FORBIDDEN.put("fri", "vr");
        FORBIDDEN.put("sat", "za");
        FORBIDDEN.put("sun", "zo");
        FORBIDDEN.put("user", "naam");
    }

    /** Phrases the glossary rules out. */
    static final Map<String, String> FORBIDDEN_PHRASES = Map.of("weet ik niet", "kan ik niet beoordelen");

    /** Proper names, typed commands and setting names, taken out before the words are checked. */
    private static final List<Pattern> ALLOWED = List.of(
            Pattern.compile("Trust Pulse"),
            // a setting as an operator types it: PULSE_PSEUDONYM_SECRET
            Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b"),
            Pattern.compile("Microsoft Teams"),
            // a command as typed: "/pulse status", "@Trust Pulse pulse setup", "@{0} pulse help"
            Pattern.compile("(?:/pulse|@\\S*\\s+pulse)(?:\\s+[a-z][a-z-]*)?"));

    /** "4h", "30m", "1h30m", "4 hours", "30 min": Dutch says "4 uur", "30 minuten". */
    private static final Pattern ENGLISH_DURATION = Pattern.compile(
            "\\b\\d+\\s?(?:h|hr|hrs|hours?|m|mins?|minutes?)\\b|\\b\\d+h\\d+m?\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}-]*");

    /** Where a text came from and the text. */
    record Text(String where, String text) {}

    static List<Text> dutchTexts() throws IOException {
        List<Text> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("_nl.properties"))
                    .sorted()
                    .toList()) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                for (String key : p.stringPropertyNames()) {
                    texts.add(new Text(file.getFileName() + " " + key, p.getProperty(key)));
                }
            }
        }
        Pattern shown = Pattern.compile("^\\s*(?:-\\s+)?(text|why):\\s*\"(.*)\"\\s*$");
        List<String> lines = Files.readAllLines(NUDGES, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = shown.matcher(lines.get(i));
            if (m.matches()) {
                texts.add(new Text("nudges/nl/nudges.yml:" + (i + 1), m.group(2)));
            }
        }
        return texts;
    }

    /** What is wrong with a Dutch text; empty when nothing is. */
    static List<String> problems(String text) {
        String checked = text.replaceAll("\\{\\d+[^}]*}", " ");
        for (Pattern allowed : ALLOWED) {
            checked = allowed.matcher(checked).replaceAll(" ");
        }
        List<String> problems = new ArrayList<>();
        Matcher words = WORD.matcher(checked);
        while (words.find()) {
            String w = words.group().toLowerCase(Locale.ROOT);
            if (FORBIDDEN.containsKey(w)) {
                problems.add("\"" + words.group() + "\" (write \"" + FORBIDDEN.get(w) + "\")");
            }
        }
        String lower = checked.toLowerCase(Locale.ROOT);
        FORBIDDEN_PHRASES.forEach((phrase, instead) -> {
            if (lower.contains(phrase)) {
                problems.add("\"" + phrase + "\" (write \"" + instead + "\")");
            }
        });
        Matcher duration = ENGLISH_DURATION.matcher(checked);
        while (duration.find()) {
            problems.add("\"" + duration.group() + "\" (write it out: \"4 uur\", \"30 minuten\")");
        }
        return problems;
    }

    @Test
    void dutchTextsUseTheGlossaryWords() throws IOException {
        List<String> found = new ArrayList<>();
        for (Text t : dutchTexts()) {
            problems(t.text()).forEach(p -> found.add(t.where() + ": " + p));
        }
        assertThat(found).as("see docs/glossary.md").isEmpty();
    }

    @Test
    void theCheckCatchesWhatItShould() {
        assertThat(problems("Je nudges staan off.")).hasSize(2);
        assertThat(problems("Herinnering na 4h")).hasSize(1);
        assertThat(problems("Herinnering na 1h30m")).isNotEmpty();
        assertThat(problems("Check-ins op mon, wed om 09:30")).hasSize(2);
        assertThat(problems("de leider van het team")).hasSize(1);
        assertThat(problems("Weet ik niet")).hasSize(1);
    }

    @Test
    void commandsAndTheProductNameAreLeftAlone() {
        assertThat(problems("Typ /pulse nudges uit om te pauzeren; /pulse leader @naam maakt iemand leidinggevende."))
                .isEmpty();
        assertThat(problems("Ik ben Trust Pulse. Typ *@{0} pulse setup* of @Trust Pulse pulse help."))
                .isEmpty();
        assertThat(problems("Herinnering na 4 uur of 30 minuten, om 09:30")).isEmpty();
    }
}
