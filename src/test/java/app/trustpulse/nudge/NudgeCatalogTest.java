package app.trustpulse.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog is complete and the same in both languages. */
class NudgeCatalogTest {

    private final NudgeCatalog catalog = new NudgeCatalog();

    @Test
    void bothLanguagesHaveTheSameEntriesWithTheSameDimensionAudienceAndSource() {
        List<Nudge> en = catalog.all(Language.EN);
        List<Nudge> nl = catalog.all(Language.NL);
        assertThat(nl).extracting(Nudge::id).containsExactlyElementsOf(en.stream().map(Nudge::id).toList());
        for (Nudge e : en) {
            Nudge n = catalog.find(Language.NL, e.id()).orElseThrow();
            assertThat(n.dimension()).as(e.id()).isEqualTo(e.dimension());
            assertThat(n.audience()).as(e.id()).isEqualTo(e.audience());
            assertThat(n.source()).as(e.id()).isEqualTo(e.source());
            assertThat(n.text()).as(e.id()).isNotEqualTo(e.text());
        }
    }

    @Test
    void hasEnoughNudgesAndQuestionsForEveryDimension() {
        for (Language lang : Language.values()) {
            for (Dimension d : Dimension.values()) {
                assertThat(catalog.leaderNudges(lang, d)).as("%s %s", lang, d).hasSizeGreaterThanOrEqualTo(8);
                assertThat(catalog.reflectionQuestions(lang, d)).as("%s %s", lang, d).hasSizeGreaterThanOrEqualTo(3);
            }
            assertThat(catalog.disruptionNudges(lang)).hasSizeGreaterThanOrEqualTo(4)
                    .allMatch(n -> n.text().contains("{dimension}"));
        }
    }

    @Test
    void everyEntryHasAWhyAndASourceAndStaysShort() {
        for (Language lang : Language.values()) {
            assertThat(catalog.all(lang)).allSatisfy(n -> {
                assertThat(n.why()).isNotBlank();
                assertThat(n.source()).isNotBlank();
                assertThat(n.textFor("Verantwoordelijkheid")).hasSizeLessThanOrEqualTo(240);
            });
        }
    }
}
