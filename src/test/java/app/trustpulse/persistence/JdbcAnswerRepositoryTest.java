package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.WEEK;
import static app.trustpulse.persistence.Fixtures.concurrently;
import static app.trustpulse.persistence.Fixtures.count;
import static app.trustpulse.persistence.Fixtures.insertTeam;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.WeekId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
        var answers = new JdbcAnswerRepository(jdbc);

        answers.upsert(answer(team, WEEK, Dimension.TRUST, ANN, 2));
        Answer changed = new Answer(team, WEEK, Dimension.TRUST, ANN, Role.MEMBER, 5, Optional.of("better now"));
        answers.upsert(changed);

        assertThat(answers.ofWeek(team, WEEK)).containsExactly(changed);
    }

    @BothDatabases
    void cantSayIsStoredWithoutAScoreAndCanBeChangedIntoOne(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var answers = new JdbcAnswerRepository(jdbc);
        Answer cantSay = new Answer(team, WEEK, Dimension.SAFETY, ANN, Role.MEMBER, OptionalInt.empty(), Optional.empty());

        answers.upsert(cantSay);
        assertThat(answers.ofWeek(team, WEEK)).containsExactly(cantSay);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM answer WHERE score IS NULL").query(Integer.class).single()).isEqualTo(1);

        answers.upsert(answer(team, WEEK, Dimension.SAFETY, ANN, 3));
        assertThat(answers.ofWeek(team, WEEK)).singleElement().satisfies(a -> assertThat(a.score()).hasValue(3));
    }

    @BothDatabases
    void concurrentAnswersOfOnePersonLeaveOneRow(TestDb db) throws Exception {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var answers = new JdbcAnswerRepository(jdbc);
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
        var answers = new JdbcAnswerRepository(jdbc);
        Answer annTrust = answer(team, WEEK, Dimension.TRUST, ANN, 4);
        Answer annSafety = answer(team, WEEK, Dimension.SAFETY, ANN, 3);
        Answer bobTrust = new Answer(team, WEEK, Dimension.TRUST, BOB, Role.LEADER, 2, Optional.of("self-check"));
        Answer annLastWeek = answer(team, WEEK.minus(1), Dimension.TRUST, ANN, 1);
        Answer annElsewhere = answer(otherTeam, WEEK, Dimension.TRUST, ANN, 5);
        for (Answer a : List.of(annTrust, annSafety, bobTrust, annLastWeek, annElsewhere)) {
            answers.upsert(a);
        }

        assertThat(answers.ofWeek(team, WEEK)).containsExactlyInAnyOrder(annTrust, annSafety, bobTrust);
        assertThat(answers.ofPseudonym(team, ANN)).containsExactly(annLastWeek, annSafety, annTrust);
        assertThat(answers.deleteOfPseudonym(team, ANN)).isEqualTo(3);
        assertThat(answers.ofWeek(team, WEEK)).containsExactly(bobTrust);
        assertThat(answers.ofPseudonym(otherTeam, ANN)).containsExactly(annElsewhere);
    }

    @BothDatabases
    void noAnswerRowKeepsATimeOrAnIdThatFollowsTheOrderOfAnswering(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        assertThat(JdbcFeedbackRepositoryTest.columns(jdbc, "answer"))
                .containsExactlyInAnyOrder("team_id", "week", "dimension", "pseudonym", "respondent", "score", "comment");
        assertThat(JdbcFeedbackRepositoryTest.columns(jdbc, "check_in")).isNotEmpty().doesNotContain("answered_at");
    }

    @BothDatabases
    void mixingPutsAWeeksRowsInRandomOrderAndKeepsEveryAnswer(TestDb db) {
        DataSource dataSource = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long team = insertTeam(jdbc, "C1");
        var answers = new JdbcAnswerRepository(jdbc);
        List<String> answeredInOrder = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String pseudonym = String.format("%064d", i * 17 % 40); // not in key order, so a scan is told from the key
            int person = i;
            answeredInOrder.add(pseudonym);
            answers.upsert(answer(team, WEEK, Dimension.TRUST, pseudonym, person % 5 + 1));
        }
        answers.upsert(answer(team, WEEK.minus(1), Dimension.TRUST, ANN, 3));
        List<Answer> before = answers.ofWeek(team, WEEK);
        assertThat(physicalOrder(jdbc, team)).isEqualTo(answeredInOrder);

        var mixing = new JdbcAnswerMixing(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        assertThat(mixing.mixPending()).isEqualTo(2);

        // A dump lists rows as the database keeps them; after mixing that is no longer the order of answering.
        List<String> after = physicalOrder(jdbc, team);
        assertThat(after).containsExactlyInAnyOrderElementsOf(answeredInOrder).isNotEqualTo(answeredInOrder);
        assertThat(answers.ofWeek(team, WEEK)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(answers.ofWeek(team, WEEK.minus(1))).hasSize(1);
        assertThat(count(jdbc, "answer_mix")).isZero();
        assertThat(mixing.mixPending()).isZero();

        answers.upsert(answer(team, WEEK, Dimension.TRUST, ANN, 4));
        assertThat(count(jdbc, "answer_mix")).isEqualTo(1);
    }

    @BothDatabases
    void mixingKeepsCantSay(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var answers = new JdbcAnswerRepository(jdbc);
        answers.upsert(new Answer(team, WEEK, Dimension.SAFETY, ANN, Role.MEMBER, OptionalInt.empty(), Optional.empty()));
        answers.upsert(answer(team, WEEK, Dimension.SAFETY, BOB, 2));
        List<Answer> before = answers.ofWeek(team, WEEK);

        new JdbcAnswerMixing(jdbc, new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()))).mixPending();

        assertThat(answers.ofWeek(team, WEEK)).containsExactlyInAnyOrderElementsOf(before);
    }

    /** The rows as a dump lists them: a full scan, no index, no ORDER BY. */
    private static List<String> physicalOrder(JdbcClient jdbc, long team) {
        return jdbc.sql("SELECT * FROM answer").query().listOfRows().stream()
                .filter(r -> ((Number) r.get("team_id")).longValue() == team && WEEK.toString().equals(r.get("week")))
                .map(r -> (String) r.get("pseudonym"))
                .toList();
    }
}
