package app.trustpulse.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MonthlyReviewsTest {

    private final Texts texts = new Texts();
    private final InMemoryNudgeLog log = new InMemoryNudgeLog();
    private final MonthlyReviews reviews = new MonthlyReviews(log, texts);
    private final WeekId now = new WeekId(2026, 47);
    private final WeekId anchor = now.minus(5);
    private final Map<WeekId, Map<Dimension, Double>> history = new TreeMap<>();

    private Team team(Language language) {
        return new Team(1, Platform.PLAYGROUND, "demo", "team", "team", ZoneId.of("Europe/Amsterdam"), language, 3,
                TeamSchedule.defaults(), false);
    }

    private void episode(Dimension d, double change, SentNudge.Reaction reaction) {
        for (int back = 2; back >= 1; back--) {
            history.computeIfAbsent(anchor.minus(back), w -> new EnumMap<>(Dimension.class)).put(d, 3.0);
        }
        for (int after = 2; after <= 3; after++) {
            history.computeIfAbsent(anchor.plus(after), w -> new EnumMap<>(Dimension.class)).put(d, 3.0 + change);
        }
        log.record(new SentNudge(0, 1, "lea", "n-" + d, Optional.of(d), NudgeReason.WEAKEST, anchor, SentNudge.Occasion.DIGEST,
                Instant.EPOCH, Optional.ofNullable(reaction)));
    }

    private static List<String> texts(ChatMessage m) {
        return m.blocks().stream().map(b -> b instanceof Block.Text t ? t.text() : b instanceof Block.Context c ? c.text() : "")
                .toList();
    }

    @Test
    void withEnoughWeeksTheReviewGivesTheDifferenceWithItsMarginAndHowItWasMeasured() {
        episode(Dimension.VISION, 0.3, SentNudge.Reaction.TRIED);
        episode(Dimension.TRUST, 0.4, SentNudge.Reaction.TRIED);
        episode(Dimension.RESPONSIBILITY, 0.5, SentNudge.Reaction.TRIED);
        episode(Dimension.FREEDOM, 0.0, SentNudge.Reaction.NOT_YET);
        episode(Dimension.CONNECTION, 0.1, SentNudge.Reaction.NOT_YET);
        episode(Dimension.SAFETY, 0.2, null);

        List<String> lines = texts(reviews.review(team(Language.EN), "lea", now, history).orElseThrow());

        assertThat(lines).contains(texts.get(Language.EN, "review.effect", "▲ +0.4", 3, "▲ +0.1", 3, "▲ +0.3", "0.2"));
        assertThat(lines).contains(texts.get(Language.EN, "review.effect.higher"), texts.get(Language.EN, "review.method"));
        assertThat(lines).doesNotContain(texts.get(Language.EN, "review.reflect"));
    }

    @Test
    void whereTheWeeksCannotCarryANumberTheReviewSaysSoAndAsksAQuestionInstead() {
        episode(Dimension.VISION, 0.9, SentNudge.Reaction.TRIED);
        episode(Dimension.TRUST, 0.0, SentNudge.Reaction.NOT_YET);

        List<String> lines = texts(reviews.review(team(Language.NL), "lea", now, history).orElseThrow());

        assertThat(lines).contains(texts.get(Language.NL, "review.tooFew", 1, 1, NudgeReview.MIN_EPISODES),
                texts.get(Language.NL, "review.reflect"));
        assertThat(String.join("\n", lines)).doesNotContain("▲").doesNotContain("0,9");
    }

    @Test
    void aWideMarginIsReadAsNotYetDistinguishableFromChance() {
        episode(Dimension.VISION, 1.0, SentNudge.Reaction.TRIED);
        episode(Dimension.TRUST, -0.8, SentNudge.Reaction.TRIED);
        episode(Dimension.RESPONSIBILITY, 0.2, SentNudge.Reaction.TRIED);
        episode(Dimension.FREEDOM, 0.5, SentNudge.Reaction.NOT_YET);
        episode(Dimension.CONNECTION, -0.6, SentNudge.Reaction.NOT_YET);
        episode(Dimension.SAFETY, 0.0, SentNudge.Reaction.NOT_YET);

        List<String> lines = texts(reviews.review(team(Language.EN), "lea", now, history).orElseThrow());

        assertThat(lines).contains(texts.get(Language.EN, "review.effect.unclear"));
    }

    @Test
    void withoutAnyTriedNudgeTheReviewInvitesToTryOne() {
        episode(Dimension.VISION, 0.3, SentNudge.Reaction.NOT_YET);
        List<String> lines = texts(reviews.review(team(Language.EN), "lea", now, history).orElseThrow());
        assertThat(lines).contains(texts.get(Language.EN, "review.nothingTried"));
        assertThat(reviews.review(team(Language.EN), "someone-else", now, history)).isEmpty();
    }
}
