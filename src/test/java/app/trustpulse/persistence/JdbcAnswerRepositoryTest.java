package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.WEEK;
import static app.trustpulse.persistence.Fixtures.concurrently;
import static app.trustpulse.persistence.Fixtures.count;
import static app.trustpulse.persistence.Fixtures.insertTeam;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Sealer;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.support.TestDatabases;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcAnswerRepositoryTest {

    private static final String ANN = "a".repeat(64);
    private static final String BOB = "b".repeat(64);

    private static Answer answer(long teamId, WeekId week, Dimension d, String pseudonym, int score) {
        return new Answer(teamId, week, d, pseudonym, Role.MEMBER, score, Optional.empty());
    }

    @BothDatabases
    void theLatestAnswerWins(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var answers = new JdbcAnswerRepository(jdbc, TestDatabases.SEALER);

        answers.upsert(answer(team, WEEK, Dimension.TRUST, ANN, 2));
        Answer changed = new Answer(team, WEEK, Dimension.TRUST, ANN, Role.MEMBER, 5, Optional.of("better now"));
        answers.upsert(changed);

        assertThat(answers.ofWeek(team, WEEK)).containsExactly(changed);
    }

    @BothDatabases
    void cantSayIsStoredWithoutAScoreAndCanBeChangedIntoOne(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var answers = new JdbcAnswerRepository(jdbc, TestDatabases.SEALER);
        Answer cantSay =
                new Answer(team, WEEK, Dimension.SAFETY, ANN, Role.MEMBER, OptionalInt.empty(), Optional.empty());

        answers.upsert(cantSay);
        assertThat(answers.ofWeek(team, WEEK)).containsExactly(cantSay);

        answers.upsert(answer(team, WEEK, Dimension.SAFETY, ANN, 3));
        assertThat(answers.ofWeek(team, WEEK))
                .singleElement()
                .satisfies(a -> assertThat(a.score()).hasValue(3));
    }

    @BothDatabases
    void concurrentAnswersOfOnePersonLeaveOneRow(TestDb db) throws Exception {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var answers = new JdbcAnswerRepository(jdbc, TestDatabases.SEALER);
        AtomicInteger next = new AtomicInteger();

        concurrently(6, () -> {
            answers.upsert(answer(team, WEEK, Dimension.VISION, ANN, next.incrementAndGet() % 5 + 1));
            return null;
        });

        assertThat(answers.ofWeek(team, WEEK)).hasSize(1);
        assertThat(count(jdbc, "answer")).isEqualTo(1);
    }

    @BothDatabases
    void answersAreKeyedByPseudonymDimensionAndWeek(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long otherTeam = insertTeam(jdbc, "C2");
        var answers = new JdbcAnswerRepository(jdbc, TestDatabases.SEALER);
        Answer annTrust = answer(team, WEEK, Dimension.TRUST, ANN, 4);
        Answer annSafety = answer(team, WEEK, Dimension.SAFETY, ANN, 3);
        Answer bobTrust = new Answer(team, WEEK, Dimension.TRUST, BOB, Role.LEADER, 2, Optional.of("self-check"));
        Answer annLastWeek = answer(team, WEEK.minus(1), Dimension.TRUST, ANN, 1);
        Answer annElsewhere = answer(otherTeam, WEEK, Dimension.TRUST, ANN, 5);
        for (Answer a : List.of(annTrust, annSafety, bobTrust, annLastWeek, annElsewhere)) {
            answers.upsert(a);
        }

        assertThat(answers.ofWeek(team, WEEK)).containsExactlyInAnyOrder(annTrust, annSafety, bobTrust);
        assertThat(answers.ofPseudonyms(team, WEEK, List.of(ANN))).containsExactlyInAnyOrder(annSafety, annTrust);
        assertThat(answers.deleteOfPseudonyms(team, WEEK, List.of(ANN))).isEqualTo(2);
        assertThat(answers.ofWeek(team, WEEK)).containsExactly(bobTrust);
        assertThat(answers.ofWeek(team, WEEK.minus(1))).containsExactly(annLastWeek);
        assertThat(answers.ofPseudonyms(otherTeam, WEEK, List.of(ANN))).containsExactly(annElsewhere);
    }

    @BothDatabases
    void aStoredAnswerHoldsNoPersonNoDimensionNoScoreAndNoTime(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        assertThat(JdbcFeedbackRepositoryTest.columns(jdbc, "answer"))
                .containsExactlyInAnyOrder("team_id", "week", "token", "sealed");
        assertThat(JdbcFeedbackRepositoryTest.columns(jdbc, "check_in"))
                .isNotEmpty()
                .doesNotContain("answered_at");
        long team = insertTeam(jdbc, "C1");
        var answers = new JdbcAnswerRepository(jdbc, TestDatabases.SEALER);
        answers.upsert(new Answer(team, WEEK, Dimension.RESPONSIBILITY, ANN, Role.MEMBER, 5, Optional.of("short")));
        answers.upsert(new Answer(team, WEEK, Dimension.TRUST, ANN, Role.MEMBER, 1, Optional.empty()));

        List<Map<String, Object>> rows =
                jdbc.sql("SELECT * FROM answer").query().listOfRows();
        assertThat(rows).hasSize(2);
        for (Map<String, Object> row : rows) {
            String stored = row.toString();
            assertThat(stored)
                    .doesNotContain(ANN)
                    .doesNotContain("RESPONSIBILITY")
                    .doesNotContain("TRUST")
                    .doesNotContain("short")
                    .doesNotContain("MEMBER");
        }
        // The two rows of one person share nothing, and answers of any dimension, with or without a short comment,
        // take the same room.
        assertThat(rows.get(0).get("token")).isNotEqualTo(rows.get(1).get("token"));
        assertThat(((String) rows.get(0).get("sealed")).length())
                .isEqualTo(((String) rows.get(1).get("sealed")).length());
    }

    @BothDatabases
    void aSealedAnswerMovedToAnotherRowDoesNotOpen(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var answers = new JdbcAnswerRepository(jdbc, TestDatabases.SEALER);
        answers.upsert(answer(team, WEEK, Dimension.TRUST, ANN, 1));
        answers.upsert(answer(team, WEEK, Dimension.TRUST, BOB, 5));
        String bobs = jdbc.sql("SELECT sealed FROM answer WHERE token = :t")
                .param("t", JdbcAnswerRepository.token(BOB, Dimension.TRUST))
                .query(String.class)
                .single();
        jdbc.sql("UPDATE answer SET sealed = :s WHERE token = :t")
                .param("s", bobs)
                .param("t", JdbcAnswerRepository.token(ANN, Dimension.TRUST))
                .update();

        assertThatThrownBy(() -> answers.ofWeek(team, WEEK)).isInstanceOf(Sealer.Unreadable.class);
    }

    @BothDatabases
    void closingDestroysTheMembersAnswersAndKeepsTheLeadersSelfCheck(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var answers = new JdbcAnswerRepository(jdbc, TestDatabases.SEALER);
        Answer self = new Answer(team, WEEK, Dimension.SAFETY, BOB, Role.LEADER, 4, Optional.empty());
        answers.upsert(answer(team, WEEK, Dimension.SAFETY, ANN, 2));
        answers.upsert(
                new Answer(team, WEEK, Dimension.VISION, ANN, Role.MEMBER, OptionalInt.empty(), Optional.of("why")));
        answers.upsert(self);
        answers.upsert(answer(team, WEEK.plus(1), Dimension.SAFETY, ANN, 3));

        assertThat(answers.destroyMembersAnswers(team, WEEK)).isEqualTo(2);
        assertThat(answers.destroyMembersAnswers(team, WEEK)).isZero();

        assertThat(answers.ofWeek(team, WEEK)).containsExactly(self);
        assertThat(answers.ofWeek(team, WEEK.plus(1))).hasSize(1);
    }

    @BothDatabases
    void releasedCommentsAreKeptSealedInTheirOrder(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var answers = new JdbcAnswerRepository(jdbc, TestDatabases.SEALER);
        answers.keepReleasedComments(team, WEEK, List.of("Safety: more calm", "Vision: clearer goals"));
        answers.keepReleasedComments(team, WEEK, List.of("Safety: more calm", "Vision: clearer goals"));

        assertThat(answers.releasedComments(team, WEEK)).containsExactly("Safety: more calm", "Vision: clearer goals");
        assertThat(jdbc.sql("SELECT sealed FROM released_comment")
                        .query(String.class)
                        .list())
                .hasSize(2)
                .noneMatch(c -> c.contains("calm") || c.contains("goals"));
    }
}
