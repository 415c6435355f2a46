package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.NOW;
import static app.trustpulse.persistence.Fixtures.WEEK;
import static app.trustpulse.persistence.Fixtures.concurrently;
import static app.trustpulse.persistence.Fixtures.count;
import static app.trustpulse.persistence.Fixtures.insertTeam;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Instrument;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.WeekId;
import java.util.List;
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
        var answers = new JdbcAnswerRepository(jdbc);

        answers.upsert(answer(team, WEEK, Dimension.TRUST, ANN, 2), NOW);
        Answer changed = new Answer(team, WEEK, Dimension.TRUST, ANN, Role.MEMBER, 5, Optional.of("better now"));
        answers.upsert(changed, NOW.plusSeconds(60));

        assertThat(answers.ofWeek(team, WEEK)).containsExactly(changed);
    }

    @BothDatabases
    void cantSayIsStoredWithoutAScoreAndCanBeChangedIntoOne(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var answers = new JdbcAnswerRepository(jdbc);
        Answer cantSay = new Answer(team, WEEK, Dimension.SAFETY, ANN, Role.MEMBER, OptionalInt.empty(), Optional.empty());

        answers.upsert(cantSay, NOW);
        assertThat(answers.ofWeek(team, WEEK)).containsExactly(cantSay);
        assertThat(jdbc.sql("SELECT instrument FROM answer").query(Integer.class).single())
                .as("new answers are on the current questionnaire").isEqualTo(Instrument.CURRENT_VERSION);

        answers.upsert(answer(team, WEEK, Dimension.SAFETY, ANN, 3), NOW.plusSeconds(60));
        assertThat(answers.ofWeek(team, WEEK)).singleElement().satisfies(a -> assertThat(a.score()).hasValue(3));
    }

    @BothDatabases
    void anOlderAnswerArrivingLateDoesNotOverwriteANewerOne(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var answers = new JdbcAnswerRepository(jdbc);

        answers.upsert(answer(team, WEEK, Dimension.TRUST, ANN, 4), NOW.plusSeconds(60));
        answers.upsert(answer(team, WEEK, Dimension.TRUST, ANN, 1), NOW);

        assertThat(answers.ofWeek(team, WEEK)).containsExactly(answer(team, WEEK, Dimension.TRUST, ANN, 4));
    }

    @BothDatabases
    void concurrentAnswersOfOnePersonLeaveOneRow(TestDb db) throws Exception {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var answers = new JdbcAnswerRepository(jdbc);
        AtomicInteger next = new AtomicInteger();

        concurrently(6, () -> {
            answers.upsert(answer(team, WEEK, Dimension.VISION, ANN, next.incrementAndGet() % 5 + 1), NOW);
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
            answers.upsert(a, NOW);
        }

        assertThat(answers.ofWeek(team, WEEK)).containsExactlyInAnyOrder(annTrust, annSafety, bobTrust);
        assertThat(answers.ofPseudonym(team, ANN)).containsExactly(annLastWeek, annSafety, annTrust);
        assertThat(answers.deleteOfPseudonym(team, ANN)).isEqualTo(3);
        assertThat(answers.ofWeek(team, WEEK)).containsExactly(bobTrust);
        assertThat(answers.ofPseudonym(otherTeam, ANN)).containsExactly(annElsewhere);
    }
}
