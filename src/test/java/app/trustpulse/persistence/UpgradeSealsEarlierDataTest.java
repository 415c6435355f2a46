package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.WEEK;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseModule;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database written by the release before sealing (answers, feedback and check-in statements in clear) is upgraded:
 * after the migrations and the first start, what is still needed is sealed and found again under the new keys, the
 * members' answers of published weeks are destroyed, and nothing said is left in clear.
 */
class UpgradeSealsEarlierDataTest {

    private static final Pseudonymizer PSEUDONYMS =
            new PulseModule(TestDatabases.PSEUDONYM_KEY.getBytes(StandardCharsets.UTF_8)).pseudonyms();
    private static final WeekId PUBLISHED = WEEK;
    private static final WeekId OPEN = WEEK.plus(1);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theFirstStartSealsWhatAnEarlierReleaseKeptInClear(String vendor) {
        DataSource ds = TestDatabases.migratedUpTo(vendor, "179");
        JdbcClient jdbc = JdbcClient.create(ds);
        long team = Fixtures.insertTeam(jdbc, "C1");
        for (String[] m :
                List.of(new String[] {"U1", "MEMBER"}, new String[] {"U2", "MEMBER"}, new String[] {"UL", "LEADER"})) {
            jdbc.sql("INSERT INTO team_member (team_id, user_id, display_name, role, opted_out, nudges_paused) "
                            + "VALUES (:t, :u, :u, :r, FALSE, FALSE)")
                    .param("t", team)
                    .param("u", m[0])
                    .param("r", m[1])
                    .update();
        }
        jdbc.sql("INSERT INTO weekly_pulse (team_id, week, closed_at, asked, answered, threshold, withheld) "
                        + "VALUES (:t, :w, CURRENT_TIMESTAMP, 3, 3, 3, FALSE)")
                .param("t", team)
                .param("w", PUBLISHED.toString())
                .update();
        legacyAnswer(jdbc, team, PUBLISHED, "U1", Role.MEMBER, Dimension.VISION, 4, null);
        legacyAnswer(jdbc, team, PUBLISHED, "UL", Role.LEADER, Dimension.VISION, 5, null);
        legacyAnswer(jdbc, team, OPEN, "U1", Role.MEMBER, Dimension.TRUST, 2, "an earlier comment");
        legacyAnswer(jdbc, team, OPEN, "UGONE", Role.MEMBER, Dimension.SAFETY, 3, null);
        jdbc.sql(
                        "INSERT INTO feedback (id, team_id, week, pseudonym, body) VALUES (77, :t, :w, :p, 'earlier feedback words')")
                .param("t", team)
                .param("w", OPEN.toString())
                .param("p", PSEUDONYMS.legacyPseudonym(team, Platform.SLACK, "U2"))
                .update();
        jdbc.sql("INSERT INTO check_in (team_id, user_id, week, slot, audience, statements, status, created_at) "
                        + "VALUES (:t, 'U1', :w, 0, 'MEMBER', 'TRUST:1,VISION:2', 'SENT', CURRENT_TIMESTAMP)")
                .param("t", team)
                .param("w", OPEN.toString())
                .update();

        TestDatabases.migrate(ds, vendor);
        var answers = new JdbcAnswerRepository(jdbc, TestDatabases.SEALER);
        var feedback = new JdbcFeedbackRepository(jdbc, TestDatabases.SEALER);
        var checkIns = new JdbcCheckInRepository(jdbc, TestDatabases.SEALER);
        var sealing = new SealingEarlierData(
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(ds)),
                PSEUDONYMS,
                answers,
                feedback,
                checkIns);

        SealingEarlierData.Sealed sealed = sealing.run();

        assertThat(sealed).isEqualTo(new SealingEarlierData.Sealed(3, 1, 1, 1));
        assertThat(sealing.run().total())
                .as("a second start finds nothing left")
                .isZero();
        assertThat(Fixtures.count(jdbc, "answer_legacy")).isZero();
        assertThat(answers.ofWeek(team, PUBLISHED))
                .as("a leader's self-check stays; members' answers of a published week go")
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.respondent()).isEqualTo(Role.LEADER);
                    assertThat(a.pseudonym()).isEqualTo(PSEUDONYMS.pseudonym(team, Platform.SLACK, "UL", PUBLISHED));
                });
        assertThat(answers.ofPseudonyms(team, OPEN, List.of(PSEUDONYMS.pseudonym(team, Platform.SLACK, "U1", OPEN))))
                .containsExactly(new Answer(
                        team,
                        OPEN,
                        Dimension.TRUST,
                        PSEUDONYMS.pseudonym(team, Platform.SLACK, "U1", OPEN),
                        Role.MEMBER,
                        2,
                        Optional.of("an earlier comment")));
        assertThat(answers.ofWeek(team, OPEN))
                .as("someone who left still counts once")
                .hasSize(2);
        assertThat(feedback.ofPseudonym(team, PSEUDONYMS.feedbackGiver(team, Platform.SLACK, "U2")))
                .singleElement()
                .satisfies(f -> assertThat(f.text()).isEqualTo("earlier feedback words"));
        assertThat(checkIns.ofUser(team, "U1", OPEN))
                .singleElement()
                .satisfies(c -> assertThat(c.dimensions()).containsExactly(Dimension.TRUST, Dimension.VISION));

        String everything =
                String.join("\n", List.of(dump(jdbc, "answer"), dump(jdbc, "feedback"), dump(jdbc, "check_in")));
        assertThat(everything)
                .doesNotContain("earlier comment")
                .doesNotContain("earlier feedback words")
                .doesNotContain("TRUST")
                .doesNotContain("VISION")
                .doesNotContain("SAFETY");
    }

    private static void legacyAnswer(
            JdbcClient jdbc, long team, WeekId week, String userId, Role role, Dimension d, int score, String comment) {
        jdbc.sql("INSERT INTO answer (team_id, week, dimension, pseudonym, respondent, score, comment) "
                        + "VALUES (:t, :w, :d, :p, :r, :s, :c)")
                .param("t", team)
                .param("w", week.toString())
                .param("d", d.name())
                .param("p", PSEUDONYMS.legacyPseudonym(team, Platform.SLACK, userId))
                .param("r", role.name())
                .param("s", score)
                .param("c", comment, java.sql.Types.VARCHAR)
                .update();
    }

    private static String dump(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT * FROM " + table).query().listOfRows().toString();
    }
}
