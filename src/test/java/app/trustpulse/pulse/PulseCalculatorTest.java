package app.trustpulse.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PulseCalculatorTest {

    private final PulseCalculator calculator = new PulseCalculator();
    private final WeekId week = new WeekId(2026, 47);

    private static Answer answer(String who, Dimension d, int score) {
        return new Answer(1, new WeekId(2026, 47), d, who, Role.MEMBER, score, Optional.empty());
    }

    private static List<Answer> everyone(int people, Dimension d, int... scores) {
        List<Answer> list = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            list.add(answer("p" + i, d, scores[i % scores.length]));
        }
        return list;
    }

    @Test
    void computesMeanCountChangeAndParticipation() {
        List<Answer> answers = new ArrayList<>(everyone(4, Dimension.FREEDOM, 4, 3, 5, 4));
        answers.addAll(everyone(4, Dimension.SAFETY, 2, 3, 2, 2));
        Map<WeekId, Map<Dimension, Double>> history = Map.of(week.minus(1), Map.of(Dimension.FREEDOM, 3.5));
        WeeklyPulse pulse = calculator.calculate(1, week, 3, answers, history, 6);

        assertThat(pulse.withheld()).isFalse();
        assertThat(pulse.asked()).isEqualTo(6);
        assertThat(pulse.answered()).isEqualTo(4);
        DimensionScore freedom = pulse.score(Dimension.FREEDOM).orElseThrow();
        assertThat(freedom.mean().getAsDouble()).isEqualTo(4.0);
        assertThat(freedom.answers()).isEqualTo(4);
        assertThat(freedom.change().getAsDouble()).isEqualTo(0.5);
        assertThat(pulse.score(Dimension.SAFETY).orElseThrow().change()).isEmpty();
        assertThat(pulse.strongest()).contains(Dimension.FREEDOM);
        assertThat(pulse.weakest()).contains(Dimension.SAFETY);
    }

    @Test
    void cantSayCountsAsTakingPartButNeverInAMeanOrTowardsADimensionsThreshold() {
        List<Answer> answers = new ArrayList<>(everyone(3, Dimension.FREEDOM, 2, 4, 3));
        answers.add(cantSay("p3", Dimension.FREEDOM));
        answers.addAll(everyone(2, Dimension.SAFETY, 5, 5));
        answers.add(cantSay("p2", Dimension.SAFETY));
        answers.add(cantSay("p3", Dimension.SAFETY));

        WeeklyPulse pulse = calculator.calculate(1, week, 3, answers, Map.of(), 4);

        assertThat(pulse.answered())
                .as("someone who only said can't say has answered")
                .isEqualTo(4);
        DimensionScore freedom = pulse.score(Dimension.FREEDOM).orElseThrow();
        assertThat(freedom.mean().getAsDouble()).isEqualTo(3.0);
        assertThat(freedom.answers()).isEqualTo(3);
        DimensionScore safety = pulse.score(Dimension.SAFETY).orElseThrow();
        assertThat(safety.withheld())
                .as("two scores and two can't-says stay below a threshold of three")
                .isTrue();
        assertThat(safety.answers()).isEqualTo(2);
    }

    @Test
    void peopleWhoOnlySayCantSayNeverUnlockAMean() {
        List<Answer> answers = new ArrayList<>(everyone(2, Dimension.TRUST, 1, 2));
        answers.add(cantSay("p2", Dimension.TRUST));
        answers.add(cantSay("p3", Dimension.TRUST));

        WeeklyPulse pulse = calculator.calculate(1, week, 3, answers, Map.of(), 4);

        assertThat(pulse.withheld()).isFalse();
        assertThat(pulse.dimensions()).allMatch(DimensionScore::withheld);
    }

    private static Answer cantSay(String who, Dimension d) {
        return new Answer(
                1, new WeekId(2026, 47), d, who, Role.MEMBER, java.util.OptionalInt.empty(), Optional.empty());
    }

    @Test
    void withholdsEverythingBelowTheThresholdOfRespondents() {
        List<Answer> answers = new ArrayList<>(everyone(2, Dimension.FREEDOM, 1, 5));
        WeeklyPulse pulse = calculator.calculate(1, week, 3, answers, Map.of(), 5);

        assertThat(pulse.withheld()).isTrue();
        assertThat(pulse.answered()).isEqualTo(2);
        assertThat(pulse.dimensions()).allMatch(DimensionScore::withheld);
        assertThat(pulse.dimensions()).allMatch(s -> s.answers() == 0);
        assertThat(pulse.strongest()).isEmpty();
        assertThat(pulse.weakest()).isEmpty();
    }

    @Test
    void withholdsASingleDimensionWithTooFewAnswers() {
        List<Answer> answers = new ArrayList<>(everyone(5, Dimension.TRUST, 4));
        answers.add(answer("p0", Dimension.VISION, 1));
        answers.add(answer("p1", Dimension.VISION, 2));
        WeeklyPulse pulse = calculator.calculate(1, week, 3, answers, Map.of(), 5);

        assertThat(pulse.withheld()).isFalse();
        assertThat(pulse.score(Dimension.VISION).orElseThrow().withheld()).isTrue();
        assertThat(pulse.mean(Dimension.VISION)).isEmpty();
        assertThat(pulse.mean(Dimension.TRUST)).contains(4.0);
        // One published dimension is not enough to name a strongest and a weakest.
        assertThat(pulse.weakest()).isEmpty();
    }

    @Test
    void keepsTheSpreadOfEachPublishedDimensionButNeverOfAWithheldOne() {
        List<Answer> answers = new ArrayList<>(everyone(4, Dimension.FREEDOM, 4, 3, 5, 4));
        answers.add(answer("p0", Dimension.VISION, 1));
        answers.add(answer("p1", Dimension.VISION, 5));
        WeeklyPulse pulse = calculator.calculate(1, week, 3, answers, Map.of(), 4);

        // Sample standard deviation of 4, 3, 5, 4: sqrt(2 / 3).
        assertThat(pulse.score(Dimension.FREEDOM).orElseThrow().spread().getAsDouble())
                .isEqualTo(Math.sqrt(2.0 / 3));
        assertThat(pulse.score(Dimension.VISION).orElseThrow().spread())
                .as("withheld: two answers")
                .isEmpty();
        assertThat(pulse.score(Dimension.FREEDOM).orElseThrow().published().orElseThrow())
                .isEqualTo(new PublishedScore(4.0, 4, java.util.OptionalDouble.of(Math.sqrt(2.0 / 3))));
        assertThat(pulse.score(Dimension.VISION).orElseThrow().published()).isEmpty();

        WeeklyPulse tooFewPeople = calculator.calculate(1, week, 5, answers, Map.of(), 4);
        assertThat(tooFewPeople.dimensions()).allMatch(d -> d.spread().isEmpty());
        assertThatThrownBy(() -> new DimensionScore(
                        Dimension.TRUST,
                        java.util.OptionalDouble.empty(),
                        0,
                        java.util.OptionalDouble.of(1.0),
                        java.util.OptionalDouble.empty(),
                        List.of()))
                .as("a withheld dimension cannot carry a spread")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCantSayAddsNothingToTheSpread() {
        List<Answer> answers = new ArrayList<>(everyone(4, Dimension.FREEDOM, 4, 3, 5, 4));
        answers.add(new Answer(
                1, week, Dimension.FREEDOM, "p9", Role.MEMBER, java.util.OptionalInt.empty(), Optional.empty()));
        DimensionScore freedom = calculator
                .calculate(1, week, 3, answers, Map.of(), 5)
                .score(Dimension.FREEDOM)
                .orElseThrow();
        assertThat(freedom.answers()).isEqualTo(4);
        assertThat(freedom.spread().getAsDouble()).isEqualTo(Math.sqrt(2.0 / 3));
    }

    @Test
    void aHigherThresholdWithholdsWhatALowerOneShows() {
        List<Answer> answers = everyone(4, Dimension.TRUST, 4);
        assertThat(calculator.calculate(1, week, 3, answers, Map.of(), 4).withheld())
                .isFalse();
        assertThat(calculator.calculate(1, week, 5, answers, Map.of(), 4).withheld())
                .isTrue();
        assertThatThrownBy(() -> calculator.calculate(1, week, 2, answers, Map.of(), 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leadersSelfChecksNeverCountInTheTeamScore() {
        List<Answer> answers = new ArrayList<>(everyone(3, Dimension.TRUST, 2));
        answers.add(new Answer(1, week, Dimension.TRUST, "leader", Role.LEADER, 5, Optional.empty()));
        WeeklyPulse pulse = calculator.calculate(1, week, 3, answers, Map.of(), 3);
        assertThat(pulse.mean(Dimension.TRUST)).contains(2.0);
        assertThat(pulse.answered()).isEqualTo(3);
    }

    @Test
    void trendHoldsEightWeeksOldestFirstWithGaps() {
        Map<WeekId, Map<Dimension, Double>> history = new HashMap<>();
        for (int back = 1; back <= 9; back++) {
            if (back != 3) {
                Map<Dimension, Double> m = new EnumMap<>(Dimension.class);
                m.put(Dimension.TRUST, (double) back);
                history.put(week.minus(back), m);
            }
        }
        WeeklyPulse pulse = calculator.calculate(1, week, 3, everyone(3, Dimension.TRUST, 4), history, 3);
        List<Optional<Double>> trend =
                pulse.score(Dimension.TRUST).orElseThrow().trend();
        assertThat(trend).hasSize(8);
        assertThat(trend.get(0)).contains(7.0);
        assertThat(trend.get(4)).isEmpty();
        assertThat(trend.get(5)).contains(2.0);
        assertThat(trend.get(6)).contains(1.0);
        assertThat(trend.get(7)).contains(4.0);
        assertThat(Sparkline.of(trend)).hasSize(8).contains("·");
    }

    @Test
    void roundsToOneDecimalHalfUp() {
        assertThat(PulseCalculator.oneDecimal(3.25)).isEqualTo(3.3);
        assertThat(PulseCalculator.oneDecimal(3.24)).isEqualTo(3.2);
        assertThat(TextFormats.score(Language.NL, 3.25)).isEqualTo("3,3");
        assertThat(TextFormats.change(Language.EN, -0.44)).isEqualTo("▼ −0.4");
    }
}
