package app.trustpulse.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NudgeReviewTest {

    private final WeekId now = new WeekId(2026, 47);
    private final NudgeReview review = new NudgeReview();

    private SentNudge nudge(int weeksAgo, Dimension d, SentNudge.Reaction reaction) {
        return new SentNudge(weeksAgo, 1, "lea", "x-" + weeksAgo, Optional.of(d), NudgeReason.WEAKEST, now.minus(weeksAgo),
                SentNudge.Occasion.DIGEST, Instant.EPOCH, Optional.ofNullable(reaction));
    }

    /** Trust rises by 0.1 a week, except 0.3 a week in the two weeks after weeks 8 and 4 ago. */
    private Map<WeekId, Map<Dimension, Double>> history() {
        Map<WeekId, Map<Dimension, Double>> h = new HashMap<>();
        double v = 3.0;
        for (int ago = 10; ago >= 0; ago--) {
            h.put(now.minus(ago), Map.of(Dimension.TRUST, v));
            boolean boosted = ago == 8 || ago == 7 || ago == 4 || ago == 3;
            v += boosted ? 0.3 : 0.1;
        }
        return h;
    }

    @Test
    void comparesTheTwoWeeksAfterATriedNudgeWithOtherWeeks() {
        List<SentNudge> nudges = List.of(
                nudge(8, Dimension.TRUST, SentNudge.Reaction.TRIED),
                nudge(4, Dimension.TRUST, SentNudge.Reaction.TRIED),
                nudge(2, Dimension.TRUST, SentNudge.Reaction.NOT_YET),
                nudge(1, Dimension.VISION, null));
        NudgeReview.Review r = review.review(nudges, history(), now.minus(3), now);

        assertThat(r.sent()).isEqualTo(2);
        assertThat(r.tried()).isZero();
        NudgeReview.Effect trust = r.effects().stream().filter(e -> e.dimension() == Dimension.TRUST).findFirst().orElseThrow();
        // Weeks 10..2 ago have a week two later: 9 start weeks, 2 of them tried.
        assertThat(trust.triedWeeks()).isEqualTo(2);
        assertThat(trust.otherWeeks()).isEqualTo(7);
        assertThat(trust.afterTried().getAsDouble()).isCloseTo(0.6, within(1e-9));
        // Other weeks: ago 10,9 -> +0.2,+0.4 ; 7,6,5 -> +0.4,+0.2,+0.4 ; 3,2 -> +0.4,+0.2 (with boosts of neighbours)
        assertThat(trust.otherwise().getAsDouble()).isCloseTo((0.2 + 0.4 + 0.4 + 0.2 + 0.4 + 0.4 + 0.2) / 7, within(1e-9));
        assertThat(trust.tooFew()).isTrue();
        NudgeReview.Effect vision = r.effects().stream().filter(e -> e.dimension() == Dimension.VISION).findFirst().orElseThrow();
        assertThat(vision.triedWeeks()).isZero();
        assertThat(vision.afterTried()).isEmpty();
    }

    @Test
    void threeTriedWeeksAndThreeOthersAreEnoughToShowWithoutTheWarning() {
        List<SentNudge> nudges = List.of(
                nudge(9, Dimension.TRUST, SentNudge.Reaction.TRIED),
                nudge(6, Dimension.TRUST, SentNudge.Reaction.TRIED),
                nudge(3, Dimension.TRUST, SentNudge.Reaction.TRIED));
        NudgeReview.Review r = review.review(nudges, history(), now.minus(3), now);
        NudgeReview.Effect trust = r.effects().get(Dimension.TRUST.ordinal());
        assertThat(trust.triedWeeks()).isEqualTo(3);
        assertThat(trust.otherWeeks()).isEqualTo(6);
        assertThat(trust.tooFew()).isFalse();
        assertThat(r.tried()).isEqualTo(1);
    }

    @Test
    void weeksWithoutAPublishedScoreAtEitherEndAreLeftOut() {
        Map<WeekId, Map<Dimension, Double>> h = new HashMap<>(history());
        h.remove(now.minus(6));
        List<SentNudge> nudges = List.of(nudge(8, Dimension.TRUST, SentNudge.Reaction.TRIED));
        NudgeReview.Effect trust = review.review(nudges, h, now.minus(3), now).effects().get(Dimension.TRUST.ordinal());
        // Start week 8 (end 6 missing) and start week 6 (missing) drop out.
        assertThat(trust.triedWeeks()).isZero();
        assertThat(trust.otherWeeks()).isEqualTo(7);
    }
}
