package app.trustpulse.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.support.TestTeams;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class QuarterlyReviewsTest {

    private final Texts texts = new Texts();
    private final InMemoryNudgeLog nudges = new InMemoryNudgeLog();
    private final InMemoryDecisionLog decisions = new InMemoryDecisionLog();
    private final QuarterlyReviews reviews = new QuarterlyReviews(nudges, decisions, texts);
    private final WeekId now = new WeekId(2026, 40);
    private final Map<WeekId, Map<Dimension, Double>> history = new TreeMap<>();

    private Team team(Language language) {
        return TestTeams.playground(language);
    }

    /** A decision on the week {@code back} weeks before the review's last decision week, with its change. */
    private void decision(int back, boolean sent, Double change) {
        // A dimension of its own for each decision three weeks apart, so that no two changes share a week.
        Dimension d = Dimension.values()[(back / 3) % 6];
        WeekId w = QuarterlyReviews.lastDecisionWeek(now).minus(back);
        decisions.decideOnce(new NudgeDecision(0, 1, "lea", w, d, "n-" + d, 0.5, sent, Instant.EPOCH));
        if (change != null) {
            put(w.minus(1), d, 3.0);
            put(w, d, 3.0);
            put(w.plus(2), d, 3.0 + change);
            put(w.plus(3), d, 3.0 + change);
        }
    }

    private void put(WeekId w, Dimension d, double mean) {
        history.computeIfAbsent(w, x -> new EnumMap<>(Dimension.class)).put(d, mean);
    }

    private static List<String> lines(ChatMessage m) {
        return m.blocks().stream()
                .map(b -> b instanceof Block.Text t ? t.text() : b instanceof Block.Context c ? c.text() : "")
                .toList();
    }

    @Test
    void isDueWithTheFirstWeekCloseOfAQuarterOnly() {
        Team team = team(Language.EN);
        LocalDate firstFridayOfOctober = LocalDate.of(2026, 10, 2);
        assertThat(QuarterlyReviews.isDue(team, firstFridayOfOctober)).isTrue();
        assertThat(QuarterlyReviews.isDue(team, LocalDate.of(2026, 11, 6))).isFalse();
        assertThat(QuarterlyReviews.isDue(team, LocalDate.of(2026, 10, 9))).isFalse();
    }

    @Test
    void withTooFewComparableWeeksItSaysSoHonestlyAndAsksAQuestion() {
        decision(0, true, 0.2);
        decision(2, false, 0.0);
        decision(4, false, null);

        List<String> lines =
                lines(reviews.review(team(Language.EN), "lea", now, history).orElseThrow());

        assertThat(lines).anyMatch(l -> l.contains("too few to say anything honest"));
        assertThat(lines).anyMatch(l -> l.contains("no tip is sent on purpose") && l.contains("For one week"));
        assertThat(lines).noneMatch(l -> l.contains("give or take"));
    }

    @Test
    void withEnoughWeeksItComparesWeeksWithATipToWeeksWithoutOne() {
        for (int i = 0; i < 8; i++) {
            decision(3 * i, i % 2 == 0, i % 2 == 0 ? 0.4 + 0.1 * (i % 3) : 0.0 - 0.05 * (i % 3));
        }

        List<String> lines =
                lines(reviews.review(team(Language.EN), "lea", now, history).orElseThrow());

        assertThat(lines).anyMatch(l -> l.contains("In weeks with a tip") && l.contains("give or take"));
        assertThat(lines).anyMatch(l -> l.contains("decided by lot") && l.contains("98%"));
    }

    @Test
    void decisionsOutsideTheQuarterDoNotCount() {
        assertThat(QuarterlyReviews.firstDecisionWeek(now)).isEqualTo(now.minus(28));
        assertThat(QuarterlyReviews.lastDecisionWeek(now)).isEqualTo(now.minus(3));
        decisions.decideOnce(
                new NudgeDecision(0, 1, "lea", now.minus(29), Dimension.SAFETY, "safety-02", 0.5, true, Instant.EPOCH));

        assertThat(reviews.review(team(Language.EN), "lea", now, history)).isEmpty();
    }

    @Test
    void speaksDutchToADutchTeam() {
        decision(0, true, 0.2);

        List<String> lines =
                lines(reviews.review(team(Language.NL), "lea", now, history).orElseThrow());

        assertThat(lines).anyMatch(l -> l.contains("bewust geen tip"));
    }
}
