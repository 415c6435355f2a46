package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.WEEK;
import static app.trustpulse.persistence.Fixtures.concurrently;
import static app.trustpulse.persistence.Fixtures.insertTeam;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Feedback;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.support.TestDatabases;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcFeedbackRepositoryTest {

    private static final String ANN = "a".repeat(64);
    private static final String BOB = "b".repeat(64);

    private static Feedback feedback(long teamId, WeekId week, String pseudonym, String text) {
        return new Feedback(0, teamId, week, pseudonym, text, Optional.empty());
    }

    @BothDatabases
    void keepsFeedbackPendingUntilReleased(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long otherTeam = insertTeam(jdbc, "C2");
        var feedback = new JdbcFeedbackRepository(jdbc, TestDatabases.SEALER);
        long second = feedback.add(feedback(team, WEEK, BOB, "More focus time, please."));
        long first = feedback.add(feedback(team, WEEK, ANN, "Thanks for Friday's talk."));
        feedback.add(feedback(otherTeam, WEEK, ANN, "elsewhere"));

        assertThat(feedback.pending(team))
                .containsExactlyInAnyOrder(
                        new Feedback(first, team, WEEK, ANN, "Thanks for Friday's talk.", Optional.empty()),
                        new Feedback(second, team, WEEK, BOB, "More focus time, please.", Optional.empty()));

        feedback.markReleased(List.of(first), WEEK);
        feedback.markReleased(List.of(first), WEEK.plus(1));
        feedback.markReleased(List.of(), WEEK);

        assertThat(feedback.pending(team)).extracting(Feedback::id).containsExactly(second);
        assertThat(feedback.ofPseudonym(team, ANN))
                .extracting(Feedback::releasedIn)
                .containsExactly(Optional.of(WEEK));
    }

    @BothDatabases
    void feedbackWithATokenIsStoredOncePerTeamHoweverOftenAndConcurrentlyItIsAdded(TestDb db) throws Exception {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long otherTeam = insertTeam(jdbc, "C2");
        var feedback = new JdbcFeedbackRepository(jdbc, TestDatabases.SEALER);

        List<Boolean> stored = concurrently(
                6,
                () -> feedback.addOnce(feedback(team, WEEK, ANN, "Fewer meetings"), "t1")
                        .isPresent());

        assertThat(stored).containsOnlyOnce(true);
        assertThat(feedback.addOnce(feedback(team, WEEK, ANN, "Fewer meetings"), "t2"))
                .isPresent();
        assertThat(feedback.addOnce(feedback(otherTeam, WEEK, ANN, "Fewer meetings"), "t1"))
                .isPresent();
        assertThat(feedback.add(feedback(team, WEEK, ANN, "Fewer meetings"))).isPositive();
        assertThat(feedback.pending(team)).hasSize(3);
        assertThat(jdbc.sql("SELECT once_key FROM feedback WHERE once_key IS NOT NULL")
                        .query(String.class)
                        .list())
                .as("only hashes of the tokens are kept")
                .allMatch(k -> k.matches("[0-9a-f]{64}"));
    }

    @BothDatabases
    void dropsOnlyUnreleasedFeedbackFromBeforeTheCutoff(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long otherTeam = insertTeam(jdbc, "C2");
        var feedback = new JdbcFeedbackRepository(jdbc, TestDatabases.SEALER);
        feedback.add(feedback(team, WEEK.minus(5), ANN, "old"));
        long released = feedback.add(feedback(team, WEEK.minus(5), BOB, "old but released"));
        long atCutoff = feedback.add(feedback(team, WEEK.minus(4), BOB, "at the cutoff"));
        long elsewhere = feedback.add(feedback(otherTeam, WEEK.minus(5), ANN, "other team"));
        feedback.markReleased(List.of(released), WEEK.minus(5));

        assertThat(feedback.dropPendingBefore(team, WEEK.minus(4))).isEqualTo(1);

        assertThat(feedback.pending(team)).extracting(Feedback::id).containsExactly(atCutoff);
        assertThat(feedback.ofPseudonym(team, BOB))
                .extracting(Feedback::id)
                .containsExactlyInAnyOrder(released, atCutoff);
        assertThat(feedback.pending(otherTeam)).extracting(Feedback::id).containsExactly(elsewhere);
    }

    @BothDatabases
    void feedbackIdsAreRandomAndNoRowKeepsATime(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var feedback = new JdbcFeedbackRepository(jdbc, TestDatabases.SEALER);
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(feedback.add(feedback(team, WEEK, ANN, "note " + i)));
        }

        // Ids given in order of giving would tell the order; twelve random ids are in increasing order once in 12!.
        assertThat(ids).isNotEqualTo(ids.stream().sorted().toList());
        assertThat(ids).allMatch(id -> id > 0).doesNotHaveDuplicates();
        assertThat(columns(jdbc, "feedback"))
                .containsExactlyInAnyOrder(
                        "id", "team_id", "week", "pseudonym", "body", "sealed", "released_week", "once_key");
        // The clear columns are only read from rows of earlier versions; new feedback is sealed with its giver.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback WHERE pseudonym IS NOT NULL OR body IS NOT NULL")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT sealed FROM feedback").query(String.class).list())
                .hasSize(12)
                .noneMatch(s -> s.contains("note") || s.contains(ANN));
    }

    static List<String> columns(JdbcClient jdbc, String table) {
        return jdbc
                .sql("SELECT column_name FROM information_schema.columns WHERE LOWER(table_name) = :t")
                .param("t", table)
                .query(String.class)
                .list()
                .stream()
                .map(c -> c.toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    @BothDatabases
    void findsAndErasesOnePersonsFeedback(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var feedback = new JdbcFeedbackRepository(jdbc, TestDatabases.SEALER);
        feedback.add(feedback(team, WEEK, ANN, "one"));
        feedback.add(feedback(team, WEEK, ANN, "two"));
        feedback.add(feedback(team, WEEK, BOB, "three"));

        assertThat(feedback.ofPseudonym(team, ANN)).extracting(Feedback::text).containsExactlyInAnyOrder("one", "two");
        assertThat(feedback.deleteOfPseudonym(team, ANN)).isEqualTo(2);
        assertThat(feedback.ofPseudonym(team, ANN)).isEmpty();
        assertThat(feedback.pending(team)).extracting(Feedback::text).containsExactly("three");
    }
}
