package app.trustpulse.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NudgeReviewTest {

    private final WeekId now = new WeekId(2026, 47);
    /** The pulse the nudges were chosen from: low, as chosen weeks tend to be. */
    private final WeekId anchor = now.minus(5);

    private final NudgeReview review = new NudgeReview();
    private final Map<WeekId, Map<Dimension, Double>> history = new TreeMap<>();

    private SentNudge nudge(WeekId week, Dimension d, SentNudge.Reaction reaction, SentNudge.Occasion occasion) {
        return new SentNudge(
                0,
                1,
                "lea",
                "x-" + d + week,
                Optional.of(d),
                NudgeReason.WEAKEST,
                week,
                occasion,
                Instant.EPOCH,
                Optional.ofNullable(reaction));
    }

    private SentNudge digestNudge(Dimension d, SentNudge.Reaction reaction) {
        return nudge(anchor, d, reaction, SentNudge.Occasion.DIGEST);
    }

    /** Two weeks at 3.0, the anchor week at 2.0, a week at 3.0, then two weeks at 3.0 + change. */
    private void scores(Dimension d, double change) {
        put(anchor.minus(2), d, 3.0);
        put(anchor.minus(1), d, 3.0);
        put(anchor, d, 2.0);
        put(anchor.plus(1), d, 3.0);
        put(anchor.plus(2), d, 3.0 + change);
        put(anchor.plus(3), d, 3.0 + change);
    }

    private void put(WeekId week, Dimension d, double value) {
        history.computeIfAbsent(week, w -> new EnumMap<>(Dimension.class)).put(d, value);
    }

    @Test
    void measuresFromTheWeeksBeforeTheNudgeWasChosenNotFromTheLowWeekThatChoseIt() {
        scores(Dimension.TRUST, 0.0);
        NudgeReview.Review r = review.review(
                List.of(digestNudge(Dimension.TRUST, SentNudge.Reaction.TRIED)), history, now.minus(3), now);
        assertThat(r.episodes()).singleElement().satisfies(e -> {
            assertThat(e.tried()).isTrue();
            // Measured from the low week this would read +1.0; the team did not change at all.
            assertThat(e.change()).isCloseTo(0.0, within(1e-9));
        });
    }

    @Test
    void theEffectIsTheChangeAfterTriedNudgesMinusTheChangeAfterNudgesChosenButNotTried() {
        scores(Dimension.VISION, 0.3);
        scores(Dimension.TRUST, 0.4);
        scores(Dimension.RESPONSIBILITY, 0.5);
        scores(Dimension.FREEDOM, 0.0);
        scores(Dimension.CONNECTION, 0.1);
        scores(Dimension.SAFETY, 0.2);
        List<SentNudge> nudges = List.of(
                digestNudge(Dimension.VISION, SentNudge.Reaction.TRIED),
                digestNudge(Dimension.TRUST, SentNudge.Reaction.TRIED),
                digestNudge(Dimension.RESPONSIBILITY, SentNudge.Reaction.TRIED),
                digestNudge(Dimension.FREEDOM, SentNudge.Reaction.NOT_YET),
                digestNudge(Dimension.CONNECTION, null),
                digestNudge(Dimension.SAFETY, SentNudge.Reaction.NOT_YET));
        NudgeReview.Estimate e =
                review.review(nudges, history, now.minus(3), now).estimate().orElseThrow();
        assertThat(e.triedEpisodes()).isEqualTo(3);
        assertThat(e.otherEpisodes()).isEqualTo(3);
        assertThat(e.triedChange()).isCloseTo(0.4, within(1e-9));
        assertThat(e.otherChange()).isCloseTo(0.1, within(1e-9));
        assertThat(e.effect()).isCloseTo(0.3, within(1e-9));
        // Standard error sqrt(0.01/3 + 0.01/3); t with 4 degrees of freedom, 95 %: 2.776.
        assertThat(e.margin()).isCloseTo(2.776 * Math.sqrt(0.02 / 3), within(0.005));
    }

    @Test
    void withFewerThanThreeEpisodesOnEitherSideThereIsNoNumber() {
        List<SentNudge> nudges = new ArrayList<>();
        for (Dimension d : List.of(
                Dimension.VISION, Dimension.TRUST, Dimension.RESPONSIBILITY, Dimension.FREEDOM, Dimension.CONNECTION)) {
            scores(d, 0.2);
        }
        nudges.add(digestNudge(Dimension.VISION, SentNudge.Reaction.TRIED));
        nudges.add(digestNudge(Dimension.TRUST, SentNudge.Reaction.TRIED));
        nudges.add(digestNudge(Dimension.RESPONSIBILITY, SentNudge.Reaction.TRIED));
        nudges.add(digestNudge(Dimension.FREEDOM, SentNudge.Reaction.NOT_YET));
        nudges.add(digestNudge(Dimension.CONNECTION, SentNudge.Reaction.NOT_YET));
        NudgeReview.Review r = review.review(nudges, history, now.minus(3), now);
        assertThat(r.triedEpisodes()).isEqualTo(3);
        assertThat(r.otherEpisodes()).isEqualTo(2);
        assertThat(r.estimate()).isEmpty();
    }

    @Test
    void twoNudgesForOneDimensionInOneWeekAreOneEpisodeTriedIfEitherWas() {
        scores(Dimension.TRUST, 0.2);
        List<SentNudge> nudges = List.of(
                digestNudge(Dimension.TRUST, SentNudge.Reaction.NOT_YET),
                new SentNudge(
                        0,
                        1,
                        "lea",
                        "other",
                        Optional.of(Dimension.TRUST),
                        NudgeReason.DROP,
                        anchor,
                        SentNudge.Occasion.DIGEST,
                        Instant.EPOCH,
                        Optional.of(SentNudge.Reaction.TRIED)));
        assertThat(review.review(nudges, history, now.minus(3), now).episodes())
                .singleElement()
                .satisfies(e -> assertThat(e.tried()).isTrue());
    }

    @Test
    void aMidWeekNudgeIsAnchoredAtThePulseItWasChosenFromLastWeek() {
        scores(Dimension.TRUST, 0.2);
        SentNudge midweek =
                nudge(anchor.plus(1), Dimension.TRUST, SentNudge.Reaction.TRIED, SentNudge.Occasion.MIDWEEK);
        assertThat(NudgeReview.anchor(midweek)).isEqualTo(anchor);
        assertThat(review.review(List.of(midweek), history, now.minus(3), now).episodes())
                .singleElement()
                .satisfies(e -> assertThat(e.change()).isCloseTo(0.2, within(1e-9)));
    }

    @Test
    void anEpisodeCountsOnlyOnceItsLastWeekAfterIsClosedAndBothSidesHaveAPublishedWeek() {
        scores(Dimension.TRUST, 0.2);
        List<SentNudge> nudges = List.of(digestNudge(Dimension.TRUST, SentNudge.Reaction.TRIED));
        assertThat(review.review(nudges, history, now.minus(3), anchor.plus(2)).episodes())
                .isEmpty();
        assertThat(review.review(nudges, history, now.minus(3), anchor.plus(3)).episodes())
                .hasSize(1);

        history.get(anchor.minus(2)).remove(Dimension.TRUST);
        assertThat(review.review(nudges, history, now.minus(3), now).episodes())
                .as("one week before is enough")
                .hasSize(1);
        history.get(anchor.minus(1)).remove(Dimension.TRUST);
        assertThat(review.review(nudges, history, now.minus(3), now).episodes())
                .as("no week before: withheld")
                .isEmpty();
    }

    @Test
    void countsTheNudgesSentAndTriedInThePeriod() {
        List<SentNudge> nudges = List.of(
                nudge(now.minus(8), Dimension.TRUST, SentNudge.Reaction.TRIED, SentNudge.Occasion.DIGEST),
                nudge(now.minus(2), Dimension.TRUST, SentNudge.Reaction.TRIED, SentNudge.Occasion.DIGEST),
                nudge(now.minus(1), Dimension.VISION, null, SentNudge.Occasion.MIDWEEK));
        NudgeReview.Review r = review.review(nudges, history, now.minus(3), now);
        assertThat(r.sent()).isEqualTo(2);
        assertThat(r.tried()).isEqualTo(1);
    }
}
