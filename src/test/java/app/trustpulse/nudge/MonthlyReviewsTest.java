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
        return new Team(
                1,
                Platform.PLAYGROUND,
                "demo",
                "team",
                "team",
                ZoneId.of("Europe/Amsterdam"),
                language,
                3,
                TeamSchedule.defaults(),
                false);
    }

    private void episode(Dimension d, double change, SentNudge.Reaction reaction) {
        for (int back = 2; back >= 1; back--) {
            history.computeIfAbsent(anchor.minus(back), w -> new EnumMap<>(Dimension.class))
                    .put(d, 3.0);
        }
        for (int after = 2; after <= 3; after++) {
            history.computeIfAbsent(anchor.plus(after), w -> new EnumMap<>(Dimension.class))
                    .put(d, 3.0 + change);
        }
        log.record(new SentNudge(
                0,
                1,
                "lea",
                "n-" + d,
                Optional.of(d),
                NudgeReason.WEAKEST,
                anchor,
                SentNudge.Occasion.DIGEST,
                Instant.EPOCH,
                Optional.ofNullable(reaction)));
    }

    private static List<String> texts(ChatMessage m) {
        return m.blocks().stream()
                .map(b -> b instanceof Block.Text t ? t.text() : b instanceof Block.Context c ? c.text() : "")
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

        List<String> lines =
                texts(reviews.review(team(Language.EN), "lea", now, history).orElseThrow());

        assertThat(lines).contains(texts.get(Language.EN, "review.effect", "▲ +0.4", 3, "▲ +0.1", 3, "▲ +0.3", "0.2"));
        assertThat(lines)
                .contains(texts.get(Language.EN, "review.effect.higher"), texts.get(Language.EN, "review.method"));
        assertThat(lines).doesNotContain(texts.get(Language.EN, "review.reflect"));
    }

    @Test
    void whereTheWeeksCannotCarryANumberTheReviewSaysSoAndAsksAQuestionInstead() {
        episode(Dimension.VISION, 0.9, SentNudge.Reaction.TRIED);
        episode(Dimension.TRUST, 0.0, SentNudge.Reaction.NOT_YET);

        List<String> lines =
                texts(reviews.review(team(Language.NL), "lea", now, history).orElseThrow());

        assertThat(lines)
                .contains(
                        texts.get(Language.NL, "review.tooFew", 1L, 1L, NudgeReview.MIN_EPISODES),
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

        List<String> lines =
                texts(reviews.review(team(Language.EN), "lea", now, history).orElseThrow());

        assertThat(lines).contains(texts.get(Language.EN, "review.effect.unclear"));
    }

    @Test
    void withoutAnyTriedNudgeTheReviewInvitesToTryOne() {
        episode(Dimension.VISION, 0.3, SentNudge.Reaction.NOT_YET);
        List<String> lines =
                texts(reviews.review(team(Language.EN), "lea", now, history).orElseThrow());
        assertThat(lines).contains(texts.get(Language.EN, "review.nothingTried"));
        assertThat(reviews.review(team(Language.EN), "someone-else", now, history))
                .isEmpty();
    }

    /** Nudges in the review's own four weeks: per week, tried, not tried, or none. */
    private void weekOfPeriod(InMemoryNudgeLog periodLog, int back, SentNudge.Reaction reaction) {
        periodLog.record(new SentNudge(
                0,
                1,
                "lea",
                "w-" + back,
                Optional.empty(),
                NudgeReason.WEAKEST,
                now.minus(back),
                SentNudge.Occasion.DIGEST,
                Instant.EPOCH,
                Optional.ofNullable(reaction)));
    }

    /** "none" 0, "one" 1, "3" 3; Dutch "geen enkele week" 0, "één week" 1, "3 weken" 3. */
    private static final java.util.regex.Pattern COUNT = java.util.regex.Pattern.compile(
            "\\b(none|one|\\d+)(?= had)|(?<=\\bin )(geen enkele week|één week|\\d+ weken)");

    private static int count(String word) {
        return switch (word) {
            case "none", "geen enkele week" -> 0;
            case "one", "één week" -> 1;
            default -> Integer.parseInt(word.replace(" weken", ""));
        };
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Language.class)
    void theWeeksOfTheReviewAddUpToItsFourWeeksAndReadRightForEveryCount(Language lang) {
        for (int tried = 0; tried <= MonthlyReviews.PERIOD_WEEKS; tried++) {
            for (int untried = 0; tried + untried <= MonthlyReviews.PERIOD_WEEKS; untried++) {
                InMemoryNudgeLog periodLog = new InMemoryNudgeLog();
                MonthlyReviews periodReviews = new MonthlyReviews(periodLog, texts);
                int none = MonthlyReviews.PERIOD_WEEKS - tried - untried;
                // an untried week holds two nudges, a tried week one tried and one not: weeks are counted once
                for (int i = 0; i < tried; i++) {
                    weekOfPeriod(periodLog, i, SentNudge.Reaction.TRIED);
                    weekOfPeriod(periodLog, i, SentNudge.Reaction.NOT_YET);
                }
                for (int i = tried; i < tried + untried; i++) {
                    weekOfPeriod(periodLog, i, SentNudge.Reaction.NOT_YET);
                    weekOfPeriod(periodLog, i, null);
                }
                // a nudge from before the period makes a review even when the period had none
                weekOfPeriod(periodLog, MonthlyReviews.PERIOD_WEEKS + 2, SentNudge.Reaction.TRIED);
                String label = lang + " tried " + tried + ", untried " + untried + ", none " + none;

                List<String> lines = texts(
                        periodReviews.review(team(lang), "lea", now, history).orElseThrow());

                if (tried + untried == 0) {
                    assertThat(lines).as(label).contains(texts.get(lang, "review.counts.none"));
                    continue;
                }
                String weeks = texts.get(lang, "review.weeks", tried, untried, none);
                assertThat(lines).as(label).contains(weeks);
                java.util.regex.Matcher m = COUNT.matcher(weeks);
                List<Integer> counts = new java.util.ArrayList<>();
                while (m.find()) {
                    counts.add(count(m.group(1) != null ? m.group(1) : m.group(2)));
                }
                assertThat(counts).as(label + ": " + weeks).containsExactly(tried, untried, none);
                assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(MonthlyReviews.PERIOD_WEEKS);
                assertThat(weeks)
                        .as(weeks)
                        .doesNotContainPattern("\\b(1 weeks|one weeks|1 weken|één weken|[02-9] week\\b|[02-9] week )");
                assertThat(lines).as(label).contains(texts.get(lang, "review.counts", 2 * (tried + untried), tried));
            }
        }
    }

    @Test
    void theCountsReadRightInEnglish() {
        assertThat(texts.get(Language.EN, "review.weeks", 1, 0, 3))
                .isEqualTo(
                        "Of those four weeks, one had a nudge you tried, none had only nudges you didn't try, and 3 had no nudge.");
        assertThat(texts.get(Language.NL, "review.weeks", 0, 1, 3))
                .isEqualTo(
                        "Van die vier weken had je in geen enkele week een "
                                + "tip die je probeerde, in één week alleen tips die je niet probeerde, en in 3 weken geen tip.");
        assertThat(texts.get(Language.EN, "review.counts", 2, 0))
                .isEqualTo("In the last four weeks you got 2 nudges and tried none of them.");
        assertThat(texts.get(Language.NL, "review.counts", 1, 1))
                .isEqualTo("De afgelopen vier weken kreeg je één tip en probeerde je er één.");
        assertThat(texts.get(Language.EN, "review.tooFew", 1, 5, 3))
                .contains("one nudge you tried and 5 nudges you didn't try");
    }
}
