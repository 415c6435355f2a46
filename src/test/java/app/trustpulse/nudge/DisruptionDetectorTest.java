package app.trustpulse.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DisruptionDetectorTest {

    private final DisruptionDetector detector = new DisruptionDetector();
    private final WeekId week = new WeekId(2026, 47);

    /** This week's pulse: on TRUST the given scores, one per person; the other dimensions all 4. */
    private WeeklyPulse pulse(int... trustScores) {
        List<Answer> answers = new ArrayList<>();
        for (int p = 0; p < trustScores.length; p++) {
            answers.add(new Answer(1, week, Dimension.TRUST, "p" + p, Role.MEMBER, trustScores[p], Optional.empty()));
            answers.add(new Answer(1, week, Dimension.VISION, "p" + p, Role.MEMBER, 4, Optional.empty()));
        }
        return new PulseCalculator().calculate(1, week, 3, answers, Map.of(), trustScores.length);
    }

    /** TRUST in the weeks before: {@code lastWeek} one week back, {@code baseline} in all the weeks before that. */
    private Map<WeekId, Map<Dimension, PublishedScore>> earlier(
            PublishedScore lastWeek, PublishedScore baseline, int baselineWeeks) {
        Map<WeekId, Map<Dimension, PublishedScore>> h = new HashMap<>();
        h.put(week.minus(1), Map.of(Dimension.TRUST, lastWeek));
        for (int back = 2; back < 2 + baselineWeeks; back++) {
            h.put(week.minus(back), Map.of(Dimension.TRUST, baseline));
        }
        return h;
    }

    private static PublishedScore score(double mean, int answers, double spread) {
        return new PublishedScore(mean, answers, OptionalDouble.of(spread));
    }

    @Test
    void theCriticalValueIsCorrectedForSixDimensionsEveryWeekOfTheYear() {
        // One-sided alpha of 1 / (52 * 6): about one false alarm a year even if all tests were independent.
        assertThat(DisruptionDetector.Z_CRITICAL).isCloseTo(2.726, within(0.001));
    }

    @Test
    void aClearFallOverTwoWeeksOnEnoughAnswersIsAPossibleDisruption() {
        // Baseline 4.0 on 6 answers a week for eight weeks; last week and this week 3.0 on 6 answers.
        DisruptionDetector.Assessment a =
                detector.assess(pulse(3, 3, 3, 2, 4, 3), earlier(score(3.0, 6, 0.6), score(4.0, 6, 0.6), 8));
        assertThat(a.disruptions())
                .extracting(DisruptionDetector.Drop::dimension)
                .containsExactly(Dimension.TRUST);
        assertThat(a.strongest().orElseThrow().fall()).isCloseTo(1.0, within(1e-9));
        assertThat(a.strongest().orElseThrow().evidence()).isGreaterThan(1);
        assertThat(a.lower()).isEmpty();
    }

    @Test
    void aFirstLowWeekIsOnlyLowerUntilTheNextWeekConfirmsIt() {
        // Baseline and last week 4.2, this week 3.0 on six answers: the two-week mean is 0.6 down, about 2.3
        // standard errors once the team's shared weekly moods count; short of the corrected critical value.
        DisruptionDetector.Assessment first =
                detector.assess(pulse(3, 3, 3, 3, 3, 3), earlier(score(4.2, 6, 0.8), score(4.2, 6, 0.8), 8));
        assertThat(first.disruptions()).isEmpty();
        assertThat(first.lower()).extracting(DisruptionDetector.Drop::dimension).containsExactly(Dimension.TRUST);
        assertThat(first.lower().get(0).evidence()).isBetween(0.5, 1.0);

        DisruptionDetector.Assessment second =
                detector.assess(pulse(3, 3, 3, 3, 3, 3), earlier(score(3.0, 6, 0.0), score(4.2, 6, 0.8), 8));
        assertThat(second.disruptions())
                .extracting(DisruptionDetector.Drop::dimension)
                .containsExactly(Dimension.TRUST);
    }

    @Test
    void aFallRaisesTheAlarmOnceAndNotAgainTheWeekAfter() {
        // The week of the fall: 2 after ten weeks at 4.0. The two-week mean is a point down: an alarm.
        DisruptionDetector.Assessment first =
                detector.assess(pulse(2, 2, 2, 2, 2, 3), earlier(score(4.0, 6, 0.6), score(4.0, 6, 0.6), 9));
        assertThat(first.disruptions())
                .extracting(DisruptionDetector.Drop::dimension)
                .containsExactly(Dimension.TRUST);

        // The week after, still at 2: last week's test passed, so this week stays quiet.
        DisruptionDetector.Assessment next =
                detector.assess(pulse(2, 2, 2, 2, 2, 3), earlier(score(2.2, 6, 0.4), score(4.0, 6, 0.6), 9));
        assertThat(next.disruptions()).isEmpty();
        assertThat(next.lower()).isEmpty();
    }

    @Test
    void fewerThanFiveAnswersThisWeekIsNeverADisruptionHoweverLargeTheFall() {
        DisruptionDetector.Assessment a =
                detector.assess(pulse(1, 1, 1, 1), earlier(score(1.0, 6, 0.3), score(4.5, 6, 0.5), 8));
        assertThat(a.disruptions()).isEmpty();
        assertThat(a.lower()).extracting(DisruptionDetector.Drop::dimension).containsExactly(Dimension.TRUST);
    }

    @Test
    void fewerThanFiveAnswersLastWeekIsNeverADisruptionEither() {
        DisruptionDetector.Assessment a =
                detector.assess(pulse(1, 1, 2, 1, 1, 1), earlier(score(1.0, 4, 0.3), score(4.5, 6, 0.5), 8));
        assertThat(a.disruptions()).isEmpty();
    }

    @Test
    void withoutThreeBaselineWeeksThereIsNoTest() {
        DisruptionDetector.Assessment a =
                detector.assess(pulse(1, 1, 2, 1, 1, 1), earlier(score(1.2, 6, 0.4), score(4.5, 6, 0.5), 2));
        assertThat(a.disruptions()).isEmpty();
        assertThat(a.lower()).extracting(DisruptionDetector.Drop::dimension).containsExactly(Dimension.TRUST);
    }

    @Test
    void aWeekAlreadyBackAtItsBaselineIsNoDisruption() {
        // Last week fell hard, this week is back: the two-week mean is low, but the fall is no longer there.
        DisruptionDetector.Assessment a =
                detector.assess(pulse(4, 4, 4, 4, 4, 5), earlier(score(2.0, 6, 0.5), score(4.0, 6, 0.5), 8));
        assertThat(a.disruptions()).isEmpty();
        assertThat(a.lower()).isEmpty();
    }

    @Test
    void identicalAnswersDoNotMakeASmallMoveLookCertain() {
        // Everyone always answered 4, now everyone 3.8 on average: no spread at all, yet too small a move for an alarm.
        DisruptionDetector.Assessment a =
                detector.assess(pulse(4, 4, 4, 4, 3), earlier(score(3.8, 5, 0.45), score(4.0, 5, 0.0), 8));
        assertThat(a.disruptions()).isEmpty();
        assertThat(a.lower()).isEmpty();
    }

    @Test
    void aSmallFallIsNotMentionedAtAll() {
        DisruptionDetector.Assessment a =
                detector.assess(pulse(4, 4, 4, 3, 4, 4), earlier(score(3.9, 6, 0.5), score(4.1, 6, 0.5), 8));
        assertThat(a.disruptions()).isEmpty();
        assertThat(a.lower()).isEmpty();
    }

    @Test
    void aWithheldDimensionIsNeitherTestedNorMentioned() {
        // Two answers on TRUST this week: below the threshold of three, so withheld.
        WeeklyPulse p = pulse(1, 1);
        assertThat(p.score(Dimension.TRUST).orElseThrow().withheld()).isTrue();
        assertThat(p.score(Dimension.TRUST).orElseThrow().spread()).isEmpty();
        DisruptionDetector.Assessment a = detector.assess(p, earlier(score(4.5, 6, 0.5), score(4.5, 6, 0.5), 8));
        assertThat(a.disruptions()).isEmpty();
        assertThat(a.lower()).isEmpty();
    }

    @Test
    void weeksClosedBeforeTheSpreadWasKeptStillCountWithThisWeeksSpread() {
        PublishedScore old = new PublishedScore(4.0, 6, OptionalDouble.empty());
        DisruptionDetector.Assessment a = detector.assess(
                pulse(2, 2, 2, 1, 3, 2), earlier(new PublishedScore(2.0, 6, OptionalDouble.empty()), old, 8));
        assertThat(a.disruptions())
                .extracting(DisruptionDetector.Drop::dimension)
                .containsExactly(Dimension.TRUST);
    }
}
