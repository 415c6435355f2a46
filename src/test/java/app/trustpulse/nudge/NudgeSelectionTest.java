package app.trustpulse.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NudgeSelectionTest {

    private static final NudgeCatalog CATALOG = new NudgeCatalog();
    private final NudgeSelector selector = new NudgeSelector(CATALOG);
    private final WeekId week = new WeekId(2026, 47);

    /** A pulse with these means, each from four people. */
    private WeeklyPulse pulse(Map<Dimension, Integer> scores) {
        return pulse(scores, 4);
    }

    private WeeklyPulse pulse(Map<Dimension, Integer> scores, int people) {
        List<Answer> answers = new ArrayList<>();
        scores.forEach((d, s) -> {
            for (int p = 0; p < people; p++) {
                answers.add(new Answer(1, week, d, "p" + p, Role.MEMBER, s, Optional.empty()));
            }
        });
        return new PulseCalculator().calculate(1, week, 3, answers, Map.of(), people);
    }

    private static Map<Dimension, Integer> all(int score) {
        Map<Dimension, Integer> m = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            m.put(d, score);
        }
        return m;
    }

    @Test
    void theLowestMeanOfTheWeekIsNoReasonForANudge() {
        // Safety's statements may simply be harder to agree with: without its own history, nothing stands out.
        Map<Dimension, Integer> s = all(4);
        s.put(Dimension.SAFETY, 2);
        NudgeSelector.Signals signals = selector.signals(Optional.of(pulse(s)), Map.of(), Map.of());
        List<NudgeSelector.Pick> picks = selector.choose(Language.EN, signals, Set.of(), 3, week.ordinal());
        assertThat(signals.falling()).isEmpty();
        assertThat(picks).hasSize(1);
        assertThat(picks.get(0).reason()).isEqualTo(NudgeReason.ROTATION);
    }

    @Test
    void nudgesAimAtTheDimensionThatFellAgainstItsOwnLevelNotAtTheLowestMean() {
        // Vision sits lowest, as it always has; Safety stood at 3.8, then 3.4 last week and 3.0 now: it is moving.
        Map<Dimension, Integer> s = all(4);
        s.put(Dimension.VISION, 2);
        s.put(Dimension.SAFETY, 3);
        WeeklyPulse p = pulse(s, 6);
        Map<WeekId, Map<Dimension, PublishedScore>> earlier = new HashMap<>();
        for (int back = 2; back <= DisruptionDetector.HISTORY_WEEKS; back++) {
            earlier.put(
                    week.minus(back),
                    Map.of(
                            Dimension.VISION,
                            new PublishedScore(2.0, 6, OptionalDouble.of(0.6)),
                            Dimension.SAFETY,
                            new PublishedScore(3.8, 6, OptionalDouble.of(0.6))));
        }
        earlier.put(
                week.minus(1),
                Map.of(
                        Dimension.VISION,
                        new PublishedScore(2.0, 6, OptionalDouble.of(0.6)),
                        Dimension.SAFETY,
                        new PublishedScore(3.4, 6, OptionalDouble.of(0.6))));
        NudgeSelector.Signals signals = selector.signals(Optional.of(p), earlier, Map.of());
        List<NudgeSelector.Pick> picks = selector.choose(Language.EN, signals, Set.of(), 3, week.ordinal());

        assertThat(signals.drop()).isEmpty();
        assertThat(signals.falling()).contains(Dimension.SAFETY);
        assertThat(picks.get(0).reason()).isEqualTo(NudgeReason.FALLING);
        assertThat(picks.get(0).dimension()).isEqualTo(Dimension.SAFETY);
        assertThat(picks.get(0).nudge().dimension()).contains(Dimension.SAFETY);
    }

    @Test
    void aDropThatPassesTheAlarmTestComesFirstAsADisruptionThenWhatIsFallingThenWidestGap() {
        Map<Dimension, Integer> s = all(4);
        s.put(Dimension.TRUST, 3);
        s.put(Dimension.SAFETY, 2);
        WeeklyPulse p = pulse(s, 6);
        // Trust stood at 4.2 on six answers a week, then fell to 3.6 last week and 3 this week.
        Map<WeekId, Map<Dimension, PublishedScore>> earlier = new HashMap<>();
        for (int back = 2; back <= DisruptionDetector.HISTORY_WEEKS; back++) {
            earlier.put(
                    week.minus(back),
                    Map.of(
                            Dimension.TRUST,
                            new PublishedScore(4.2, 6, OptionalDouble.of(0.6)),
                            Dimension.SAFETY,
                            new PublishedScore(3.0, 6, OptionalDouble.of(0.6))));
        }
        earlier.put(
                week.minus(1),
                Map.of(
                        Dimension.TRUST,
                        new PublishedScore(3.6, 6, OptionalDouble.of(0.6)),
                        Dimension.SAFETY,
                        new PublishedScore(3.0, 6, OptionalDouble.of(0.6))));
        Map<Dimension, Integer> self = Map.of(Dimension.FREEDOM, 2);
        NudgeSelector.Signals signals = selector.signals(Optional.of(p), earlier, self);
        List<NudgeSelector.Pick> picks = selector.choose(Language.EN, signals, Set.of(), 3, week.ordinal());

        assertThat(picks)
                .extracting(NudgeSelector.Pick::reason)
                .containsExactly(NudgeReason.DROP, NudgeReason.FALLING, NudgeReason.GAP);
        assertThat(picks)
                .extracting(NudgeSelector.Pick::dimension)
                .containsExactly(Dimension.TRUST, Dimension.SAFETY, Dimension.FREEDOM);
        assertThat(picks.get(0).nudge().isDisruption()).isTrue();
        assertThat(picks.get(0).nudge().textFor("Trust")).contains("Trust").doesNotContain("{dimension}");
    }

    @Test
    void aFallOnTooFewAnswersIsNoDisruptionButIsMentionedAsLower() {
        Map<Dimension, Integer> s = all(4);
        s.put(Dimension.TRUST, 2);
        WeeklyPulse p = pulse(s, 4);
        Map<WeekId, Map<Dimension, PublishedScore>> earlier = new HashMap<>();
        for (int back = 1; back <= DisruptionDetector.HISTORY_WEEKS; back++) {
            earlier.put(week.minus(back), Map.of(Dimension.TRUST, new PublishedScore(4.0, 4, OptionalDouble.of(0.5))));
        }
        NudgeSelector.Signals signals = selector.signals(Optional.of(p), earlier, Map.of());
        assertThat(signals.drop()).isEmpty();
        assertThat(signals.lower())
                .extracting(DisruptionDetector.Drop::dimension)
                .containsExactly(Dimension.TRUST);
        assertThat(selector.choose(Language.EN, signals, Set.of(), 3, week.ordinal()))
                .extracting(NudgeSelector.Pick::reason)
                .doesNotContain(NudgeReason.DROP);
    }

    @Test
    void rotatesThroughAllSixWhenNothingStandsOut() {
        Set<Dimension> seen = new HashSet<>();
        for (int w = 0; w < 6; w++) {
            List<NudgeSelector.Pick> picks = selector.choose(
                    Language.EN,
                    selector.signals(Optional.empty(), Map.of(), Map.of()),
                    Set.of(),
                    3,
                    week.plus(w).ordinal());
            assertThat(picks).hasSize(1);
            assertThat(picks.get(0).reason()).isEqualTo(NudgeReason.ROTATION);
            seen.add(picks.get(0).dimension());
        }
        assertThat(seen).hasSize(6);
    }

    @Test
    void aWithheldPulseGivesNoSignalSoNothingLeaksThroughTheChoice() {
        List<Answer> two = List.of(
                new Answer(1, week, Dimension.SAFETY, "a", Role.MEMBER, 1, Optional.empty()),
                new Answer(1, week, Dimension.SAFETY, "b", Role.MEMBER, 1, Optional.empty()));
        WeeklyPulse withheld = new PulseCalculator().calculate(1, week, 3, two, Map.of(), 5);
        NudgeSelector.Signals signals = selector.signals(Optional.of(withheld), Map.of(), Map.of(Dimension.SAFETY, 5));
        assertThat(signals.falling()).isEmpty();
        assertThat(signals.gap()).isEmpty();
        assertThat(signals.drop()).isEmpty();
    }

    @Test
    void neverRepeatsANudgeSentInTheLastSixWeeks() {
        // Vision is the dimension falling against its own level.
        NudgeSelector.Signals signals =
                new NudgeSelector.Signals(Optional.empty(), List.of(), Optional.of(Dimension.VISION), List.of());
        Set<String> sent = new HashSet<>();
        int visionNudges = CATALOG.leaderNudges(Language.EN, Dimension.VISION).size();
        for (int i = 0; i < visionNudges; i++) {
            NudgeSelector.Pick pick = selector.choose(Language.EN, signals, sent, 1, week.ordinal())
                    .get(0);
            assertThat(sent).doesNotContain(pick.nudge().id());
            assertThat(pick.dimension()).isEqualTo(Dimension.VISION);
            sent.add(pick.nudge().id());
        }
        // Vision is used up: the next pick comes from another dimension rather than a repeat.
        NudgeSelector.Pick next =
                selector.choose(Language.EN, signals, sent, 1, week.ordinal()).get(0);
        assertThat(sent).doesNotContain(next.nudge().id());
        assertThat(next.dimension()).isNotEqualTo(Dimension.VISION);
    }

    @Test
    void aGapNeedsAFullPointBetweenSelfCheckAndTeam() {
        Map<Dimension, Integer> s = all(4);
        WeeklyPulse p = pulse(s);
        assertThat(selector.gaps(p, Map.of(Dimension.TRUST, 5))).hasSize(1);
        assertThat(selector.gaps(p, Map.of(Dimension.TRUST, 4))).isEmpty();
        assertThat(selector.gaps(p, Map.of(Dimension.TRUST, 2, Dimension.VISION, 5)))
                .extracting(NudgeSelector.Gap::dimension)
                .containsExactly(Dimension.TRUST, Dimension.VISION);
    }

    @Test
    void reflectionQuestionFollowsTheWeakestDimension() {
        Map<Dimension, Integer> s = all(4);
        s.put(Dimension.CONNECTION, 2);
        Optional<Nudge> q = selector.reflectionQuestion(Language.NL, pulse(s));
        assertThat(q).isPresent();
        assertThat(q.get().audience()).isEqualTo(Nudge.Audience.TEAM);
        assertThat(q.get().dimension()).contains(Dimension.CONNECTION);
    }
}
