package app.trustpulse.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Texts;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypedReplyParserTest {

    private final TypedReplyParser parser = new TypedReplyParser();

    /** The scores read, all of them numbers. */
    private Map<Dimension, Integer> scores(String text) {
        Map<Dimension, Integer> numbers = new java.util.EnumMap<>(Dimension.class);
        answers(text).forEach((d, score) -> numbers.put(d, score.orElseThrow()));
        return numbers;
    }

    private Map<Dimension, OptionalInt> answers(String text) {
        TypedReply r = parser.parse(text);
        assertThat(r).isInstanceOf(TypedReply.Scores.class);
        return ((TypedReply.Scores) r).scores();
    }

    private TypedReply.Unreadable problem(String text) {
        TypedReply r = parser.parse(text);
        assertThat(r).isInstanceOf(TypedReply.Unreadable.class);
        return (TypedReply.Unreadable) r;
    }

    @ParameterizedTest
    @CsvSource({"freedom 4", "vrijheid 4", "V4 4", "v4 4", "FREEDOM 4", "Freedom: 4", "freedom=4"})
    void readsOneDimensionByEnglishOrDutchNameOrNumber(String text) {
        assertThat(scores(text)).containsExactly(Map.entry(Dimension.FREEDOM, 4));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "vrijheid 4,5|4,5",
                "freedom 3.5|3.5",
                "4,5|4,5",
                "trust 4, safety 2,5|2,5",
                "vrijheid 4,5 veiligheid 3|4,5"
            })
    void aDecimalScoreGetsItsOwnExplanation(String text, String decimal) {
        TypedReply.Unreadable problem = problem(text);

        assertThat(problem.problemKey()).isEqualTo("reply.problem.decimal");
        assertThat(problem.args()).containsExactly(decimal);
    }

    @Test
    void scoresSeparatedByCommasAreNotDecimals() {
        assertThat(scores("4,3,5,2,4,5"))
                .hasSize(6)
                .containsEntry(Dimension.VISION, 4)
                .containsEntry(Dimension.SAFETY, 5);
        assertThat(scores("trust 4,safety 5"))
                .containsOnly(Map.entry(Dimension.TRUST, 4), Map.entry(Dimension.SAFETY, 5));
    }

    @Test
    void readsSeveralPairsInOneMessage() {
        assertThat(scores("trust 4, safety 5; visie 2"))
                .containsOnly(
                        Map.entry(Dimension.TRUST, 4), Map.entry(Dimension.SAFETY, 5), Map.entry(Dimension.VISION, 2));
    }

    @Test
    void readsSixNumbersInModelOrder() {
        assertThat(scores("4 3 5 2 4 5"))
                .containsOnly(
                        Map.entry(Dimension.VISION, 4),
                        Map.entry(Dimension.TRUST, 3),
                        Map.entry(Dimension.RESPONSIBILITY, 5),
                        Map.entry(Dimension.FREEDOM, 2),
                        Map.entry(Dimension.CONNECTION, 4),
                        Map.entry(Dimension.SAFETY, 5));
        assertThat(scores("4,3,5,2,4,5")).hasSize(6);
    }

    @ParameterizedTest
    @CsvSource({"freedom ?", "vrijheid ?", "vrijheid?", "V4 ?", "Freedom: ?"})
    void readsAQuestionMarkAsCantSayInEitherLanguage(String text) {
        assertThat(answers(text)).containsExactly(Map.entry(Dimension.FREEDOM, OptionalInt.empty()));
    }

    @Test
    void readsCantSayAmongScores() {
        assertThat(answers("4 ? 5 2 4 5"))
                .hasSize(6)
                .containsEntry(Dimension.TRUST, OptionalInt.empty())
                .containsEntry(Dimension.VISION, OptionalInt.of(4));
        assertThat(answers("trust ?, safety 5"))
                .containsOnly(
                        Map.entry(Dimension.TRUST, OptionalInt.empty()),
                        Map.entry(Dimension.SAFETY, OptionalInt.of(5)));
        assertThat(problem("freedom ? vrijheid 4").problemKey()).isEqualTo("reply.problem.twice");
        assertThat(problem("? 4").problemKey()).isEqualTo("reply.problem.count");
    }

    @Test
    void refusesTheWrongCountOfNumbers() {
        assertThat(problem("4 3 5").problemKey()).isEqualTo("reply.problem.count");
        assertThat(problem("4 3 5").args()).containsExactly("3");
        assertThat(problem("1 2 3 4 5 1 2").problemKey()).isEqualTo("reply.problem.count");
    }

    @ParameterizedTest
    @CsvSource({"freedom 6", "freedom 0", "freedom -1", "freedom four", "4 3 5 2 4 9"})
    void refusesScoresOutsideOneToFive(String text) {
        assertThat(problem(text).problemKey()).isEqualTo("reply.problem.score");
    }

    @Test
    void refusesUnknownWordsAndMissingScores() {
        assertThat(problem("happiness 4").problemKey()).isEqualTo("reply.problem.word");
        assertThat(problem("happiness 4").args()).containsExactly("happiness");
        assertThat(problem("freedom").problemKey()).isEqualTo("reply.problem.missingScore");
        assertThat(problem("thanks!").problemKey()).isEqualTo("reply.problem.word");
        assertThat(problem("V7 3").problemKey()).isEqualTo("reply.problem.word");
    }

    @Test
    void refusesOneDimensionWithTwoDifferentScores() {
        assertThat(problem("freedom 4 vrijheid 2").problemKey()).isEqualTo("reply.problem.twice");
        assertThat(scores("freedom 4 vrijheid 4")).containsOnly(Map.entry(Dimension.FREEDOM, 4));
    }

    @Test
    void refusesEmptyAndOverlongMessages() {
        assertThat(problem("   ").problemKey()).isEqualTo("reply.problem.empty");
        assertThat(problem(null).problemKey()).isEqualTo("reply.problem.empty");
        assertThat(problem("freedom 4 ".repeat(100)).problemKey()).isEqualTo("reply.problem.tooLong");
    }

    @Test
    void refusesANumberFollowedByAnotherWithoutADimensionInMixedForm() {
        assertThat(problem("4 freedom").problemKey()).isEqualTo("reply.problem.numberWithoutDimension");
    }

    @Test
    void readsAsManyNumbersAsTheOpenCheckInHasStatementsInItsOrder() {
        List<Dimension> open = List.of(Dimension.SAFETY, Dimension.TRUST);

        TypedReply r = parser.parse("4 3", open);

        assertThat(r).isInstanceOf(TypedReply.Scores.class);
        assertThat(((TypedReply.Scores) r).scores())
                .containsOnly(
                        Map.entry(Dimension.SAFETY, OptionalInt.of(4)), Map.entry(Dimension.TRUST, OptionalInt.of(3)));
        assertThat(((TypedReply.Scores) parser.parse("? 5", open)).scores())
                .containsOnly(
                        Map.entry(Dimension.SAFETY, OptionalInt.empty()),
                        Map.entry(Dimension.TRUST, OptionalInt.of(5)));
        assertThat(((TypedReply.Scores) parser.parse("2", List.of(Dimension.VISION))).scores())
                .containsOnly(Map.entry(Dimension.VISION, OptionalInt.of(2)));
    }

    @Test
    void sixNumbersStayInModelOrderBesideAnOpenCheckIn() {
        TypedReply r = parser.parse("4 3 5 2 4 5", List.of(Dimension.SAFETY, Dimension.TRUST));

        assertThat(((TypedReply.Scores) r).scores())
                .hasSize(6)
                .containsEntry(Dimension.VISION, OptionalInt.of(4))
                .containsEntry(Dimension.SAFETY, OptionalInt.of(5));
    }

    @Test
    void aWrongCountNamesHowManyTheOpenCheckInExpects() {
        TypedReply r = parser.parse("4 3 5", List.of(Dimension.SAFETY, Dimension.TRUST));

        assertThat(r).isInstanceOf(TypedReply.Unreadable.class);
        TypedReply.Unreadable problem = (TypedReply.Unreadable) r;
        assertThat(problem.problemKey()).isEqualTo("reply.problem.count.open");
        assertThat(problem.args()).containsExactly("3", "2");
        assertThat(problem.expected()).containsExactly(Dimension.SAFETY, Dimension.TRUST);

        Texts texts = new Texts();
        CheckInMessages messages = new CheckInMessages(texts);
        assertThat(messages.unreadable(Language.EN, problem).summary())
                .isEqualTo(
                        "Numbers in your reply: 3. Your open check-in asks 2 statements (Safety, Trust): send 2 numbers in "
                                + "that order, six in model order, or name the dimension.");
        assertThat(messages.unreadable(
                                Language.NL, (TypedReply.Unreadable) parser.parse("4 3", List.of(Dimension.FREEDOM)))
                        .summary())
                .startsWith(
                        "Getallen in je antwoord: 2. Je open check-in vraagt één stelling (Vrijheid): stuur één getal");
    }
}
