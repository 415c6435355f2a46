package app.trustpulse.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
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
import java.util.Set;
import org.junit.jupiter.api.Test;

class NudgeSelectionTest {

    private static final NudgeCatalog CATALOG = new NudgeCatalog();
    private final NudgeSelector selector = new NudgeSelector(CATALOG);
    private final WeekId week = new WeekId(2026, 47);

    /** A pulse with these means, each from four people. */
    private WeeklyPulse pulse(Map<Dimension, Integer> scores) {
        List<Answer> answers = new ArrayList<>();
        scores.forEach((d, s) -> {
            for (int p = 0; p < 4; p++) {
                answers.add(new Answer(1, week, d, "p" + p, Role.MEMBER, s, Optional.empty()));
            }
        });
        return new PulseCalculator().calculate(1, week, 3, answers, Map.of(), 4);
    }

    private static Map<Dimension, Integer> all(int score) {
        Map<Dimension, Integer> m = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            m.put(d, score);
        }
        return m;
    }

    @Test
    void picksTheWeakestDimensionFirstWhenNothingDropped() {
        Map<Dimension, Integer> s = all(4);
        s.put(Dimension.SAFETY, 2);
        WeeklyPulse p = pulse(s);
        NudgeSelector.Signals signals = selector.signals(Optional.of(p), Map.of(), Map.of());
        List<NudgeSelector.Pick> picks = selector.choose(Language.EN, signals, Set.of(), 3, week.ordinal());
        assertThat(picks).hasSize(1);
        assertThat(picks.get(0).reason()).isEqualTo(NudgeReason.WEAKEST);
        assertThat(picks.get(0).dimension()).isEqualTo(Dimension.SAFETY);
        assertThat(picks.get(0).nudge().dimension()).contains(Dimension.SAFETY);
    }

    @Test
    void aSharpDropComesFirstAsADisruptionThenWeakestThenWidestGap() {
        Map<Dimension, Integer> s = all(4);
        s.put(Dimension.TRUST, 3);
        s.put(Dimension.SAFETY, 2);
        WeeklyPulse p = pulse(s);
        Map<WeekId, Map<Dimension, Double>> history = Map.of(week.minus(1), Map.of(Dimension.TRUST, 4.2, Dimension.SAFETY, 2.5));
        Map<Dimension, Integer> self = Map.of(Dimension.FREEDOM, 2);
        NudgeSelector.Signals signals = selector.signals(Optional.of(p), history, self);
        List<NudgeSelector.Pick> picks = selector.choose(Language.EN, signals, Set.of(), 3, week.ordinal());

        assertThat(picks).extracting(NudgeSelector.Pick::reason)
                .containsExactly(NudgeReason.DROP, NudgeReason.WEAKEST, NudgeReason.GAP);
        assertThat(picks).extracting(NudgeSelector.Pick::dimension)
                .containsExactly(Dimension.TRUST, Dimension.SAFETY, Dimension.FREEDOM);
        assertThat(picks.get(0).nudge().isDisruption()).isTrue();
        assertThat(picks.get(0).nudge().textFor("Trust")).contains("Trust").doesNotContain("{dimension}");
    }

    @Test
    void rotatesThroughAllSixWhenNothingStandsOut() {
        Set<Dimension> seen = new HashSet<>();
        for (int w = 0; w < 6; w++) {
            List<NudgeSelector.Pick> picks = selector.choose(Language.EN,
                    selector.signals(Optional.empty(), Map.of(), Map.of()), Set.of(), 3, week.plus(w).ordinal());
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
        assertThat(signals.weakest()).isEmpty();
        assertThat(signals.gap()).isEmpty();
        assertThat(signals.drop()).isEmpty();
    }

    @Test
    void neverRepeatsANudgeSentInTheLastSixWeeks() {
        Map<Dimension, Integer> s = all(4);
        s.put(Dimension.VISION, 1);
        WeeklyPulse p = pulse(s);
        NudgeSelector.Signals signals = selector.signals(Optional.of(p), Map.of(), Map.of());
        Set<String> sent = new HashSet<>();
        int visionNudges = CATALOG.leaderNudges(Language.EN, Dimension.VISION).size();
        for (int i = 0; i < visionNudges; i++) {
            NudgeSelector.Pick pick = selector.choose(Language.EN, signals, sent, 1, week.ordinal()).get(0);
            assertThat(sent).doesNotContain(pick.nudge().id());
            assertThat(pick.dimension()).isEqualTo(Dimension.VISION);
            sent.add(pick.nudge().id());
        }
        // Vision is used up: the next pick comes from another dimension rather than a repeat.
        NudgeSelector.Pick next = selector.choose(Language.EN, signals, sent, 1, week.ordinal()).get(0);
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
                .extracting(NudgeSelector.Gap::dimension).containsExactly(Dimension.TRUST, Dimension.VISION);
    }

    @Test
    void disruptionNeedsAFallOfOnePointOnAWeekOrPointSevenOnTheFourWeekMean() {
        DisruptionDetector detector = new DisruptionDetector();
        Map<Dimension, Integer> s = all(3);
        WeeklyPulse p = pulse(s);
        assertThat(detector.sharpestDrop(p, Map.of(week.minus(1), Map.of(Dimension.TRUST, 4.0)))).isPresent();
        assertThat(detector.sharpestDrop(p, Map.of(week.minus(1), Map.of(Dimension.TRUST, 3.9)))).isEmpty();

        Map<WeekId, Map<Dimension, Double>> trend = new HashMap<>();
        trend.put(week.minus(1), Map.of(Dimension.TRUST, 3.6));
        trend.put(week.minus(2), Map.of(Dimension.TRUST, 3.8));
        trend.put(week.minus(3), Map.of(Dimension.TRUST, 3.7));
        trend.put(week.minus(4), Map.of(Dimension.TRUST, 3.7));
        assertThat(detector.sharpestDrop(p, trend)).map(DisruptionDetector.Drop::dimension).contains(Dimension.TRUST);
        trend.put(week.minus(2), Map.of(Dimension.TRUST, 3.6));
        trend.put(week.minus(3), Map.of(Dimension.TRUST, 3.6));
        trend.put(week.minus(4), Map.of(Dimension.TRUST, 3.6));
        assertThat(detector.sharpestDrop(p, trend)).isEmpty();
        // One earlier week alone is not a four-week mean.
        assertThat(detector.sharpestDrop(p, Map.of(week.minus(3), Map.of(Dimension.TRUST, 3.9)))).isEmpty();
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
