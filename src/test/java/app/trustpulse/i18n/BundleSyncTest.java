package app.trustpulse.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.command.Subcommand;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Instrument;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.StatementRef;
import app.trustpulse.pulse.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every message exists in Dutch and in English, with the same placeholders. */
class BundleSyncTest {

    private static Properties load(String bundle, Language lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in =
                BundleSyncTest.class.getClassLoader().getResourceAsStream(bundle + "_" + lang.code() + ".properties")) {
            assertThat(in).as("%s_%s.properties", bundle, lang.code()).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void everyBundleHasTheSameKeysAndPlaceholdersInBothLanguages() throws IOException {
        for (String bundle : Texts.BUNDLES) {
            Properties en = load(bundle, Language.EN);
            Properties nl = load(bundle, Language.NL);
            assertThat(nl.stringPropertyNames())
                    .as(bundle)
                    .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
            for (String key : en.stringPropertyNames()) {
                assertThat(placeholders(nl.getProperty(key)))
                        .as("%s %s", bundle, key)
                        .isEqualTo(placeholders(en.getProperty(key)));
                assertThat(nl.getProperty(key)).as("%s %s", bundle, key).isNotBlank();
            }
        }
    }

    @Test
    void noBundleGivesAKeyTwice() throws IOException {
        // A key given twice silently keeps the last text, often the other language's after a merge.
        for (String bundle : Texts.BUNDLES) {
            for (Language lang : Language.values()) {
                String file = bundle + "_" + lang.code() + ".properties";
                Set<String> seen = new TreeSet<>();
                Set<String> twice = new TreeSet<>();
                try (InputStream in = BundleSyncTest.class.getClassLoader().getResourceAsStream(file)) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    for (String line : text.split("\\R")) {
                        String stripped = line.strip();
                        if (stripped.isEmpty() || stripped.startsWith("#") || !stripped.contains("=")) {
                            continue;
                        }
                        String key =
                                stripped.substring(0, stripped.indexOf('=')).strip();
                        if (!seen.add(key)) {
                            twice.add(key);
                        }
                    }
                }
                assertThat(twice).as(file).isEmpty();
            }
        }
    }

    @Test
    void everyTextTheCodeAsksForByPatternExists() {
        Texts texts = new Texts();
        for (Language lang : Language.values()) {
            for (Subcommand s : Subcommand.values()) {
                assertThat(texts.has(lang, s.usageKey())).as(s.usageKey()).isTrue();
                assertThat(texts.has(lang, s.helpKey())).as(s.helpKey()).isTrue();
                assertThat(texts.has(lang, "refused." + s.who().name().toLowerCase(java.util.Locale.ROOT)))
                        .isTrue();
            }
            for (Dimension d : Dimension.values()) {
                assertThat(texts.has(lang, "dimension." + d.name() + ".name")).isTrue();
                assertThat(texts.has(lang, "feedback.question." + d.name())).isTrue();
                for (int item = 1; item <= Instrument.items(d); item++) {
                    for (Role who : Role.values()) {
                        String key = StatementRef.current(d, who, item).messageKey();
                        assertThat(texts.has(lang, key)).as(key).isTrue();
                    }
                }
                assertThat(texts.has(lang, "statement." + d.name() + ".member." + (Instrument.items(d) + 1)))
                        .isFalse();
                for (int item = 1; item <= Instrument.items(d); item++) {
                    for (Role who : Role.values()) {
                        String key = new StatementRef(d, who, item, 2).messageKey();
                        assertThat(texts.has(lang, key))
                                .as("version 2 stays readable: " + key)
                                .isTrue();
                    }
                }
                for (int item = 1; item <= 3; item++) {
                    assertThat(texts.has(
                                    lang,
                                    new StatementRef(d, Role.MEMBER, item, Instrument.LEGACY_VERSION).messageKey()))
                            .as("version 1 stays readable")
                            .isTrue();
                }
                assertThat(texts.has(lang, new StatementRef(d, Role.LEADER, 1, Instrument.LEGACY_VERSION).messageKey()))
                        .isTrue();
            }
            for (int i = 1; i <= 3; i++) {
                assertThat(texts.has(lang, "checkin.intro." + i)).isTrue();
            }
        }
    }

    @Test
    void everyKeyTheSourceNamesExists() throws IOException {
        Texts texts = new Texts();
        Pattern literal = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z0-9-]+)+)\"");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f :
                    files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    if (key.startsWith("org.")
                            || key.startsWith("i18n")
                            || key.startsWith("nudges")
                            || key.contains("/")
                            || key.startsWith("spring.")
                            || key.startsWith("app.")
                            || key.startsWith("com.")
                            || key.startsWith("slack.")
                            || key.startsWith("microsoft.")
                            || key.startsWith("teams.")
                            || key.startsWith("pulse.playground")
                            || key.startsWith("pulse.pseudonym")
                            || key.startsWith("pulse.retention")
                            || key.startsWith("pulse.dashboard")
                            || key.startsWith("pulse.charts")
                            || key.startsWith("trustpulse.")
                            || key.startsWith("server.")
                            || key.startsWith("pulse.work")) {
                        continue;
                    }
                    if (key.matches("[a-z]+\\.[a-z]+\\.[a-z]+\\.[a-z]+") && !texts.has(Language.EN, key)) {
                        continue;
                    }
                    for (Language lang : Language.values()) {
                        assertThat(texts.has(lang, key))
                                .as("%s in %s (%s)", key, lang, f)
                                .isTrue();
                    }
                }
            }
        }
    }
}
