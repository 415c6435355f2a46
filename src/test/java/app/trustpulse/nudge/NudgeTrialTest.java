package app.trustpulse.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class NudgeTrialTest {

    private static final NudgeCatalog CATALOG = new NudgeCatalog();
    private final NudgeSelector selector = new NudgeSelector(CATALOG);
    private final InMemoryDecisionLog log = new InMemoryDecisionLog();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC);
    private final WeekId week = new WeekId(2026, 47);

    /** Draws the given numbers in turn, and counts the draws. */
    private static final class Draws implements RandomGenerator {
        private final double[] values;
        private int drawn;

        Draws(double... values) {
            this.values = values;
        }

        @Override
        public double nextDouble() {
            return values[drawn++];
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }
    }

    private static NudgeSelector.Signals safetyFalling(boolean trustAlarm) {
        return new NudgeSelector.Signals(
                trustAlarm ? Optional.of(new DisruptionDetector.Drop(Dimension.TRUST, 1.2, 0.01)) : Optional.empty(),
                List.of(),
                Optional.of(Dimension.SAFETY),
                List.of());
    }

    private NudgeTrial.Choice choose(NudgeTrial trial, NudgeSelector.Signals signals) {
        return trial.choose(selector, 1, "lea", week, Language.EN, signals, Set.of(), 3, week.ordinal());
    }

    @Test
    void aWithheldWeekCarriesNoNudgeOnTheFocusButTheAlarmStillGoesOut() {
        NudgeTrial trial = new NudgeTrial(log, NudgeTrial.Probabilities.even(), new Draws(0.7), clock);

        NudgeTrial.Choice choice = choose(trial, safetyFalling(true));

        assertThat(choice.withheld()).isTrue();
        assertThat(choice.picks()).extracting(NudgeSelector.Pick::dimension).doesNotContain(Dimension.SAFETY);
        assertThat(choice.picks()).anyMatch(p -> p.reason() == NudgeReason.DROP && p.dimension() == Dimension.TRUST);
        NudgeDecision d = log.find(1, "lea", week).orElseThrow();
        assertThat(d.sent()).isFalse();
        assertThat(d.probability()).isEqualTo(0.5);
        assertThat(d.dimension()).isEqualTo(Dimension.SAFETY);
        assertThat(CATALOG.find(Language.EN, d.nudgeId())).isPresent();
    }

    @Test
    void aSentWeekKeepsTheFocusNudgeAndLogsItsProbability() {
        NudgeTrial trial = new NudgeTrial(log, NudgeTrial.Probabilities.even(), new Draws(0.3), clock);

        NudgeTrial.Choice choice = choose(trial, safetyFalling(false));

        assertThat(choice.withheld()).isFalse();
        assertThat(choice.picks())
                .anyMatch(p -> p.reason() == NudgeReason.FALLING && p.dimension() == Dimension.SAFETY);
        NudgeDecision d = choice.decision().orElseThrow();
        assertThat(d.sent()).isTrue();
        assertThat(d.nudgeId())
                .isEqualTo(choice.picks().stream()
                        .filter(p -> p.reason() == NudgeReason.FALLING)
                        .findFirst()
                        .orElseThrow()
                        .nudge()
                        .id());
    }

    @Test
    void aWeekIsDrawnOnceSoTheMidWeekNudgeKeepsToTheDigestsDecision() {
        Draws draws = new Draws(0.7, 0.1);
        NudgeTrial trial = new NudgeTrial(log, NudgeTrial.Probabilities.even(), draws, clock);

        choose(trial, safetyFalling(false));
        NudgeTrial.Choice midweek =
                trial.choose(selector, 1, "lea", week, Language.EN, safetyFalling(false), Set.of(), 1, 99);

        assertThat(draws.drawn).isEqualTo(1);
        assertThat(midweek.withheld()).isTrue();
        assertThat(midweek.picks()).extracting(NudgeSelector.Pick::dimension).doesNotContain(Dimension.SAFETY);
    }

    @Test
    void theProbabilityStaysBetweenTheFloorAndTheCeiling() {
        new NudgeTrial(log, (d, n) -> 0.99, new Draws(0.5), clock).decide(1, "lea", week, Dimension.SAFETY, "x");
        new NudgeTrial(log, (d, n) -> 0.0, new Draws(0.5), clock).decide(1, "lea", week.plus(1), Dimension.SAFETY, "x");

        assertThat(log.find(1, "lea", week).orElseThrow().probability()).isEqualTo(NudgeTrial.CEILING);
        assertThat(log.find(1, "lea", week.plus(1)).orElseThrow().probability()).isEqualTo(NudgeTrial.FLOOR);
    }

    @Test
    void aWeekWithoutAFocusIsNoDecisionPoint() {
        NudgeTrial trial = new NudgeTrial(log, NudgeTrial.Probabilities.even(), new Draws(), clock);
        NudgeSelector.Signals quiet =
                new NudgeSelector.Signals(Optional.empty(), List.of(), Optional.empty(), List.of());

        NudgeTrial.Choice choice = choose(trial, quiet);

        assertThat(choice.decision()).isEmpty();
        assertThat(choice.picks()).hasSize(1);
        assertThat(log.all()).isEmpty();
    }

    private NudgeTrial.Choice choose(NudgeTrial trial, NudgeSelector.Signals signals, int max, long rotation) {
        return trial.choose(selector, 1, "lea", week, Language.EN, signals, Set.of(), max, rotation);
    }

    @Test
    void withoutAChosenFocusTheDecisionIsOnTheDimensionThatFellMostAndSaysSo() {
        NudgeTrial trial =
                new NudgeTrial(log, NudgeTrial.Probabilities.even(), new Draws(0.3), clock, LeaderFocus.none());

        NudgeTrial.Choice choice = choose(trial, safetyFalling(false));

        NudgeDecision d = choice.decision().orElseThrow();
        assertThat(d.dimension()).isEqualTo(Dimension.SAFETY);
        assertThat(d.rule()).isEqualTo(NudgeDecision.FocusRule.FELL_MOST);
        assertThat(choice.picks()).noneMatch(p -> p.reason() == NudgeReason.FOCUS);
    }

    @Test
    void theLeadersChosenFocusIsTheDecisionPointInsteadOfTheDimensionThatFell() {
        LeaderFocus vision =
                (team, leader) -> team == 1 && leader.equals("lea") ? Optional.of(Dimension.VISION) : Optional.empty();
        NudgeTrial trial = new NudgeTrial(log, NudgeTrial.Probabilities.even(), new Draws(0.3), clock, vision);

        NudgeTrial.Choice choice = choose(trial, safetyFalling(false));

        NudgeDecision d = choice.decision().orElseThrow();
        assertThat(d.dimension()).isEqualTo(Dimension.VISION);
        assertThat(d.rule()).isEqualTo(NudgeDecision.FocusRule.LEADER_CHOSE);
        assertThat(d.sent()).isTrue();
        NudgeSelector.Pick focus = choice.picks().get(0);
        assertThat(focus.reason()).isEqualTo(NudgeReason.FOCUS);
        assertThat(focus.dimension()).isEqualTo(Dimension.VISION);
        assertThat(focus.nudge().id()).isEqualTo(d.nudgeId());
        assertThat(choice.picks()).noneMatch(p -> p.reason() == NudgeReason.FALLING);
    }

    @Test
    void aWithheldChosenFocusCarriesNoNudgeOnItButTheAlarmStillGoesToTheDimensionThatFell() {
        LeaderFocus vision = (team, leader) -> Optional.of(Dimension.VISION);
        NudgeTrial trial = new NudgeTrial(log, NudgeTrial.Probabilities.even(), new Draws(0.7), clock, vision);

        NudgeTrial.Choice choice = choose(trial, safetyFalling(true));

        assertThat(choice.withheld()).isTrue();
        assertThat(choice.decision().orElseThrow().rule()).isEqualTo(NudgeDecision.FocusRule.LEADER_CHOSE);
        assertThat(choice.picks()).extracting(NudgeSelector.Pick::dimension).doesNotContain(Dimension.VISION);
        assertThat(choice.picks().get(0).reason()).isEqualTo(NudgeReason.DROP);
        assertThat(choice.picks().get(0).dimension()).isEqualTo(Dimension.TRUST);
    }

    @Test
    void aChosenFocusOnTheDimensionOfTheAlarmMakesNoDecisionPointSinceAnAlarmIsNeverWithheld() {
        LeaderFocus trust = (team, leader) -> Optional.of(Dimension.TRUST);
        NudgeTrial trial = new NudgeTrial(log, NudgeTrial.Probabilities.even(), new Draws(), clock, trust);

        NudgeTrial.Choice choice = choose(trial, safetyFalling(true));

        assertThat(choice.decision()).isEmpty();
        assertThat(choice.picks().get(0).reason()).isEqualTo(NudgeReason.DROP);
        assertThat(log.all()).isEmpty();
    }

    @Test
    void aQuietWeekIsADecisionPointWhenTheLeaderChoseAFocus() {
        LeaderFocus vision = (team, leader) -> Optional.of(Dimension.VISION);
        NudgeTrial trial = new NudgeTrial(log, NudgeTrial.Probabilities.even(), new Draws(0.1), clock, vision);
        NudgeSelector.Signals quiet =
                new NudgeSelector.Signals(Optional.empty(), List.of(), Optional.empty(), List.of());

        NudgeTrial.Choice choice = choose(trial, quiet);

        assertThat(choice.decision().orElseThrow().dimension()).isEqualTo(Dimension.VISION);
        assertThat(choice.picks()).extracting(NudgeSelector.Pick::reason).containsExactly(NudgeReason.FOCUS);
    }

    @Test
    void aDecidedWeekKeepsItsRuleWhenTheLeaderChoosesAFocusAfterwards() {
        AtomicReference<Optional<Dimension>> focus = new AtomicReference<>(Optional.empty());
        Draws draws = new Draws(0.7);
        NudgeTrial trial = new NudgeTrial(log, NudgeTrial.Probabilities.even(), draws, clock, (t, l) -> focus.get());

        choose(trial, safetyFalling(false));
        focus.set(Optional.of(Dimension.VISION));
        NudgeTrial.Choice midweek = choose(trial, safetyFalling(false), 1, 99);

        assertThat(draws.drawn).isEqualTo(1);
        assertThat(midweek.decision().orElseThrow().rule()).isEqualTo(NudgeDecision.FocusRule.FELL_MOST);
        assertThat(midweek.withheld()).isTrue();
        assertThat(midweek.picks()).extracting(NudgeSelector.Pick::dimension).doesNotContain(Dimension.SAFETY);
        assertThat(midweek.picks()).noneMatch(p -> p.reason() == NudgeReason.FOCUS);
    }

    @Test
    void aLeadersChangedFocusDoesNotMoveAWeekAlreadyDecidedOnTheOldOne() {
        AtomicReference<Optional<Dimension>> focus = new AtomicReference<>(Optional.of(Dimension.VISION));
        Draws draws = new Draws(0.7);
        NudgeTrial trial = new NudgeTrial(log, NudgeTrial.Probabilities.even(), draws, clock, (t, l) -> focus.get());

        choose(trial, safetyFalling(false));
        focus.set(Optional.of(Dimension.CONNECTION));
        NudgeTrial.Choice midweek = choose(trial, safetyFalling(false), 3, 99);

        assertThat(draws.drawn).isEqualTo(1);
        assertThat(midweek.decision().orElseThrow().dimension()).isEqualTo(Dimension.VISION);
        assertThat(midweek.picks())
                .extracting(NudgeSelector.Pick::dimension)
                .doesNotContain(Dimension.VISION, Dimension.CONNECTION);
    }

    @Test
    void whatWorksIsPreferredWithinTheFloorAndTheCeiling() {
        assertThat(LearnedProbabilities.probability(0)).isEqualTo(0.5);
        assertThat(LearnedProbabilities.probability(2)).isEqualTo(0.7, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(LearnedProbabilities.probability(10)).isEqualTo(NudgeTrial.CEILING);
        assertThat(LearnedProbabilities.probability(-10)).isEqualTo(NudgeTrial.FLOOR);
    }
}
