package app.trustpulse.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalog is complete and the same in both languages. */
class NudgeCatalogTest {

    private final NudgeCatalog catalog = new NudgeCatalog();

    @Test
    void bothLanguagesHaveTheSameEntriesWithTheSameDimensionAudienceAndSource() {
        List<Nudge> en = catalog.all(Language.EN);
        List<Nudge> nl = catalog.all(Language.NL);
        assertThat(nl)
                .extracting(Nudge::id)
                .containsExactlyElementsOf(en.stream().map(Nudge::id).toList());
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
                assertThat(catalog.reflectionQuestions(lang, d))
                        .as("%s %s", lang, d)
                        .hasSizeGreaterThanOrEqualTo(3);
            }
            assertThat(catalog.disruptionNudges(lang))
                    .hasSizeGreaterThanOrEqualTo(4)
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

    /** The texts in /work/shared/sources we have read, and Edmondson (1999), which we cite directly. */
    private static final Set<String> READ =
            Set.of("Haselhoff (2017)", "Nientied (2012)", "VKW Metena", "Stevens", "Six (slides)", "Edmondson (1999)");
    /** Works we know only through one of the texts we read: always cited "X, via Y". */
    private static final Set<String> SECOND_HAND = Set.of(
            "Mayer, Davis & Schoorman (1995)",
            "Six (2004)",
            "Weibel (2007)",
            "Weibel & Six (2013)",
            "Ryan & Deci (2017)",
            "Semler",
            "Droste",
            "Strikwerda",
            "KPMG (2009)");

    @Test
    void everyEntryNamesTheWorksItRestsOnOrIsMarkedAsAPracticeTip() {
        for (Nudge n : catalog.all(Language.EN)) {
            if (n.isPracticeTip()) {
                continue;
            }
            for (String part : n.source().split("; ")) {
                int via = part.lastIndexOf(", via ");
                if (via < 0) {
                    assertThat(part)
                            .as("%s: a work we read, or marked 'via'", n.id())
                            .isIn(READ);
                } else {
                    assertThat(part.substring(via + ", via ".length()))
                            .as("%s: known through", n.id())
                            .isIn(READ);
                    assertThat(part.substring(0, via))
                            .as("%s: a work known second-hand", n.id())
                            .isIn(SECOND_HAND);
                }
            }
        }
    }

    @Test
    void practiceTipsAreFewAndTheRestIsSourced() {
        List<Nudge> all = catalog.all(Language.EN);
        long tips = all.stream().filter(Nudge::isPracticeTip).count();
        assertThat(tips).isPositive().isLessThan(all.size() / 5);
        assertThat(catalog.find(Language.NL, "safety-03").orElseThrow().isPracticeTip())
                .isTrue();
    }

    @Test
    void theCatalogCoversWhatTheDomainBriefAsksFor() {
        String en = String.join(
                "\n",
                catalog.all(Language.EN).stream()
                        .map(n -> n.text() + " " + n.why())
                        .toList());
        assertThat(en)
                .contains(
                        "trust account",
                        "on foot and leaves on horseback",
                        "intentional, professional and contractual",
                        "Weighed trust",
                        "'Bad luck must be eliminated'",
                        "'Trusting means doing nothing'",
                        "'Trust and control are substitutes' is a misconception",
                        "keep the next promise");
        assertThat(catalog.leaderNudges(Language.EN, Dimension.RESPONSIBILITY))
                .anyMatch(n -> n.why().contains("hold people to account"));
        assertThat(catalog.leaderNudges(Language.NL, Dimension.RESPONSIBILITY))
                .anyMatch(n -> n.text().contains("Spreek hem of haar er deze week op aan"));
        assertThat(catalog.all(Language.NL))
                .noneMatch(n -> n.text().toLowerCase(java.util.Locale.ROOT).contains("pulse")
                        || n.why().toLowerCase(java.util.Locale.ROOT).contains("pulse"));
    }

    @Test
    void disruptionNudgesNeverAskWhoAnswered() {
        assertThat(catalog.find(Language.EN, "disruption-02").orElseThrow().text())
                .contains("don't try to work out who answered what")
                .doesNotContain("one or two people");
        assertThat(catalog.find(Language.EN, "disruption-04").orElseThrow().why())
                .doesNotContain("stronger than before");
    }

    /** Practitioners' books and guides the catalog cites; every other cited work must be research. */
    private static final List<String> PRACTITIONER_WORKS = List.of(
            "Haselhoff (2017)",
            "VKW Metena",
            "Stevens",
            "Nientied (2012)",
            "Strikwerda",
            "Semler",
            "KPMG (2009)",
            "Droste");

    @Test
    void everyCitedWorkIsKnownAsResearchOrAsAPractitionersText() {
        for (Language lang : Language.values()) {
            for (Nudge n : catalog.all(lang)) {
                if (n.isPracticeTip()) {
                    continue;
                }
                for (String cited : n.source().split(";")) {
                    String work = cited.strip();
                    assertThat(Nudge.RESEARCH_WORKS.stream().anyMatch(work::startsWith)
                                    || PRACTITIONER_WORKS.stream().anyMatch(work::startsWith))
                            .as("%s cites %s", n.id(), work)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void eachNudgeSaysWhetherItRestsOnResearchOnPracticeOrOnExperienceAlone() {
        NudgeMessages messages = new NudgeMessages(catalog, new app.trustpulse.pulse.Texts());
        Nudge metena = catalog.find(Language.EN, "trust-09").orElseThrow();
        Nudge edmondson = catalog.find(Language.EN, "safety-02").orElseThrow();
        Nudge tip = catalog.all(Language.EN).stream()
                .filter(Nudge::isPracticeTip)
                .findFirst()
                .orElseThrow();

        assertThat(metena.evidence()).isEqualTo(Nudge.Evidence.PRACTITIONER);
        assertThat(edmondson.evidence()).isEqualTo(Nudge.Evidence.RESEARCH);
        assertThat(tip.evidence()).isEqualTo(Nudge.Evidence.PRACTICE_TIP);
        assertThat(messages.whyLine(Language.EN, metena)).endsWith("(from practice: VKW Metena)");
        assertThat(messages.whyLine(Language.EN, edmondson)).endsWith("(research: Edmondson (1999))");
        assertThat(messages.whyLine(
                        Language.NL, catalog.find(Language.NL, "trust-09").orElseThrow()))
                .endsWith("(uit de praktijk: VKW Metena)");
        assertThat(catalog.all(Language.EN).stream().filter(n -> n.evidence() == Nudge.Evidence.PRACTITIONER))
                .as("nudges resting on practitioners' texts alone")
                .isNotEmpty();
    }
}
