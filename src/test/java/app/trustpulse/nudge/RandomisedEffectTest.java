package app.trustpulse.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RandomisedEffectTest {

    private static RandomisedEffect.Observation obs(String cluster, double p, boolean sent, double y) {
        return new RandomisedEffect.Observation(cluster, cluster, p, sent, OptionalDouble.of(y));
    }

    private static RandomisedEffect.Observation missing(String cluster, double p, boolean sent) {
        return new RandomisedEffect.Observation(cluster, cluster, p, sent, OptionalDouble.empty());
    }

    @Test
    void weighsEachWeekByTheInverseOfTheProbabilityItHad() {
        // Sent: 1.0 at p 0.5 (weight 2) and 0.0 at p 0.8 (weight 1.25): mean 2 / 3.25.
        // Withheld: 0.0 at p 0.5 (weight 2) and 1.0 at p 0.8 (weight 5): mean 5 / 7.
        List<RandomisedEffect.Observation> list = List.of(
                obs("a", 0.5, true, 1.0),
                obs("b", 0.8, true, 0.0),
                obs("c", 0.5, false, 0.0),
                obs("d", 0.8, false, 1.0));

        RandomisedEffect.Estimate e = RandomisedEffect.estimate(list, 1, 0.05).orElseThrow();

        assertThat(e.effect()).isCloseTo(2 / 3.25 - 5 / 7.0, within(1e-9));
        assertThat(e.sent()).isEqualTo(2);
        assertThat(e.withheld()).isEqualTo(2);
        assertThat(e.clusters()).isEqualTo(4);
    }

    @Test
    void weeksWithoutAPublishedScoreAreMissingCountedAndLeftOut() {
        List<RandomisedEffect.Observation> list = List.of(
                obs("a", 0.5, true, 0.4),
                obs("b", 0.5, true, 0.2),
                missing("c", 0.5, true),
                obs("d", 0.5, false, 0.0),
                obs("e", 0.5, false, 0.1),
                missing("f", 0.5, false),
                missing("g", 0.5, false));

        RandomisedEffect.Estimate e = RandomisedEffect.estimate(list, 2, 0.05).orElseThrow();

        assertThat(e.effect()).isCloseTo(0.3 - 0.05, within(1e-9));
        assertThat(e.missingSent()).isEqualTo(1);
        assertThat(e.missingWithheld()).isEqualTo(2);
    }

    @Test
    void saysNothingWithTooFewMeasuredWeeksOnASide() {
        List<RandomisedEffect.Observation> list = List.of(
                obs("a", 0.5, true, 0.4),
                obs("b", 0.5, true, 0.2),
                obs("c", 0.5, false, 0.0),
                missing("d", 0.5, false));

        assertThat(RandomisedEffect.estimate(list, 2, 0.05)).isEmpty();
        assertThat(RandomisedEffect.counts(list)).isEqualTo(new RandomisedEffect.Counts(2, 1, 0, 1));
    }

    @Test
    void probabilitiesThatLeanOnTheOutcomeDoNotBiasTheWeightedEstimate() {
        // Weeks that would go up anyway are sent more often (p 0.8 against 0.2): an unweighted comparison would
        // report an effect of nudges that do nothing; the weighted one does not.
        Random random = new Random(7);
        List<RandomisedEffect.Observation> list = new ArrayList<>();
        double unweightedSent = 0;
        int sent = 0;
        double unweightedWithheld = 0;
        for (int i = 0; i < 20_000; i++) {
            boolean goingUp = random.nextBoolean();
            double p = goingUp ? 0.8 : 0.2;
            double y = (goingUp ? 0.5 : -0.5) + 0.3 * random.nextGaussian();
            boolean s = random.nextDouble() < p;
            list.add(obs("team " + (i % 200), p, s, y));
            if (s) {
                unweightedSent += y;
                sent++;
            } else {
                unweightedWithheld += y;
            }
        }

        RandomisedEffect.Estimate e = RandomisedEffect.estimate(list, 5, 0.05).orElseThrow();

        assertThat(unweightedSent / sent - unweightedWithheld / (list.size() - sent))
                .isGreaterThan(0.4);
        assertThat(e.effect()).isCloseTo(0, within(0.03));
        assertThat(e.margin()).isBetween(0.0, 0.05);
        assertThat(e.clusters()).isEqualTo(200);
        assertThat(e.higher()).isFalse();
    }

    @Test
    void theOutcomeRunsFromTheDecidedWeekAndTheOneBeforeToTheSecondAndThirdWeekAfter() {
        WeekId w = new WeekId(2026, 10);
        Map<WeekId, Map<Dimension, Double>> history = Map.of(
                w.minus(1),
                Map.of(Dimension.SAFETY, 3.0),
                w,
                Map.of(Dimension.SAFETY, 3.4),
                w.plus(1),
                Map.of(Dimension.SAFETY, 9.0),
                w.plus(2),
                Map.of(Dimension.SAFETY, 3.6),
                w.plus(4),
                Map.of(Dimension.SAFETY, 9.0));

        assertThat(RandomisedEffect.outcome(history, Dimension.SAFETY, w).getAsDouble())
                .isCloseTo(3.6 - 3.2, within(1e-9));
        assertThat(RandomisedEffect.outcome(history, Dimension.TRUST, w)).isEmpty();
        assertThat(RandomisedEffect.measurable(w, w.plus(2))).isFalse();
        assertThat(RandomisedEffect.measurable(w, w.plus(3))).isTrue();
    }
}
