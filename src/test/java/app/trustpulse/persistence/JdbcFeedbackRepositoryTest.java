package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.NOW;
import static app.trustpulse.persistence.Fixtures.WEEK;
import static app.trustpulse.persistence.Fixtures.insertTeam;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Feedback;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcFeedbackRepositoryTest {

    private static final String ANN = "a".repeat(64);
    private static final String BOB = "b".repeat(64);

    private static Feedback feedback(long teamId, WeekId week, String pseudonym, String text, Instant at) {
        return new Feedback(0, teamId, week, pseudonym, text, at, Optional.empty());
    }

    @BothDatabases
    void keepsFeedbackPendingUntilReleased(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long otherTeam = insertTeam(jdbc, "C2");
        var feedback = new JdbcFeedbackRepository(jdbc);
        long second = feedback.add(feedback(team, WEEK, BOB, "More focus time, please.", NOW.plusSeconds(60)));
        long first = feedback.add(feedback(team, WEEK, ANN, "Thanks for Friday's talk.", NOW));
        feedback.add(feedback(otherTeam, WEEK, ANN, "elsewhere", NOW));

        assertThat(feedback.pending(team)).containsExactly(
                new Feedback(first, team, WEEK, ANN, "Thanks for Friday's talk.", NOW, Optional.empty()),
                new Feedback(second, team, WEEK, BOB, "More focus time, please.", NOW.plusSeconds(60), Optional.empty()));

        feedback.markReleased(List.of(first), WEEK);
        feedback.markReleased(List.of(first), WEEK.plus(1));
        feedback.markReleased(List.of(), WEEK);

        assertThat(feedback.pending(team)).extracting(Feedback::id).containsExactly(second);
        assertThat(feedback.ofPseudonym(team, ANN)).extracting(Feedback::releasedIn).containsExactly(Optional.of(WEEK));
    }

    @BothDatabases
    void dropsOnlyUnreleasedFeedbackFromBeforeTheCutoff(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long otherTeam = insertTeam(jdbc, "C2");
        var feedback = new JdbcFeedbackRepository(jdbc);
        feedback.add(feedback(team, WEEK.minus(5), ANN, "old", NOW));
        long released = feedback.add(feedback(team, WEEK.minus(5), BOB, "old but released", NOW));
        long atCutoff = feedback.add(feedback(team, WEEK.minus(4), BOB, "at the cutoff", NOW));
        long elsewhere = feedback.add(feedback(otherTeam, WEEK.minus(5), ANN, "other team", NOW));
        feedback.markReleased(List.of(released), WEEK.minus(5));

        assertThat(feedback.dropPendingBefore(team, WEEK.minus(4))).isEqualTo(1);

        assertThat(feedback.pending(team)).extracting(Feedback::id).containsExactly(atCutoff);
        assertThat(feedback.ofPseudonym(team, BOB)).extracting(Feedback::id).containsExactly(released, atCutoff);
        assertThat(feedback.pending(otherTeam)).extracting(Feedback::id).containsExactly(elsewhere);
    }

    @BothDatabases
    void findsAndErasesOnePersonsFeedback(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var feedback = new JdbcFeedbackRepository(jdbc);
        feedback.add(feedback(team, WEEK, ANN, "one", NOW));
        feedback.add(feedback(team, WEEK, ANN, "two", NOW.plusSeconds(1)));
        feedback.add(feedback(team, WEEK, BOB, "three", NOW));

        assertThat(feedback.ofPseudonym(team, ANN)).extracting(Feedback::text).containsExactly("one", "two");
        assertThat(feedback.deleteOfPseudonym(team, ANN)).isEqualTo(2);
        assertThat(feedback.ofPseudonym(team, ANN)).isEmpty();
        assertThat(feedback.pending(team)).extracting(Feedback::text).containsExactly("three");
    }
}
