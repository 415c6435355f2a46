package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.NOW;
import static app.trustpulse.persistence.Fixtures.WEEK;
import static app.trustpulse.persistence.Fixtures.insertTeam;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.promise.Noticed;
import app.trustpulse.promise.NoticedAnswer;
import app.trustpulse.promise.Promise;
import app.trustpulse.promise.Tally;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcPromiseRepositoryTest {

    private static final String WORDS = "I will ask for a dissenting view in every planning meeting";

    private static Promise promise(long teamId, String leaderId) {
        return new Promise(0, teamId, leaderId, Dimension.SAFETY, WORDS, WEEK, NOW, Optional.empty());
    }

    @BothDatabases
    void keepsAPromiseWithItsWordsSealedAndFindsTheActiveOnes(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long other = insertTeam(jdbc, "C2");
        var repo = new JdbcPromiseRepository(jdbc, TestDatabases.SEALER);

        long id = repo.add(promise(team, "UL"));
        long second = repo.add(promise(team, "UM"));
        repo.add(promise(other, "UL"));
        repo.reword(second, Dimension.TRUST, "I will share my calendar");
        repo.end(id, NOW.plus(Duration.ofDays(1)));

        assertThat(repo.find(id).orElseThrow().endedAt()).contains(NOW.plus(Duration.ofDays(1)));
        assertThat(repo.active(team))
                .containsExactly(new Promise(
                        second, team, "UM", Dimension.TRUST, "I will share my calendar", WEEK, NOW, Optional.empty()));
        assertThat(repo.madeSince(team, WEEK)).hasSize(2);
        assertThat(repo.madeSince(team, WEEK.plus(1))).isEmpty();
        String stored = jdbc.sql("SELECT sealed FROM promise WHERE id = :id")
                .param("id", second)
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("calendar").doesNotContain("TRUST");
        assertThat(repo.deleteOfLeader(team, "UM")).isEqualTo(1);
        assertThat(repo.active(team)).isEmpty();
    }

    @BothDatabases
    void anAnswerIsFoundOnlyByItsPseudonymAndHoldsNothingInClear(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var repo = new JdbcPromiseRepository(jdbc, TestDatabases.SEALER);
        long id = repo.add(promise(team, "UL"));

        repo.answer(new NoticedAnswer(team, WEEK, id, "pseudo-a", Noticed.NO, true));
        repo.answer(new NoticedAnswer(team, WEEK, id, "pseudo-a", Noticed.YES, true));
        repo.answer(new NoticedAnswer(team, WEEK, id, "pseudo-b", Noticed.PARTLY, false));

        assertThat(repo.answerOf(team, WEEK, id, List.of("pseudo-a"))).contains(Noticed.YES);
        assertThat(repo.answerOf(team, WEEK, id, List.of("pseudo-c"))).isEmpty();
        assertThat(repo.answers(team, WEEK))
                .containsExactlyInAnyOrder(
                        new NoticedAnswer(team, WEEK, id, "pseudo-a", Noticed.YES, true),
                        new NoticedAnswer(team, WEEK, id, "pseudo-b", Noticed.PARTLY, false));
        List<String> rows = jdbc.sql("SELECT token || ' ' || sealed FROM promise_answer")
                .query(String.class)
                .list();
        assertThat(rows).hasSize(2).allSatisfy(r -> {
            assertThat(r)
                    .matches("[0-9a-f]{64} s1\\.[A-Za-z0-9_-]+")
                    .doesNotContain("pseudo")
                    .doesNotContain("partly");
            // Three letters turn up in random base64 now and then: look for the word in the sealed bytes.
            byte[] sealed = Base64.getUrlDecoder().decode(r.substring(r.indexOf(" s1.") + 4));
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("yes", "YES");
        });
        assertThat(repo.weeksWithAnswers(team)).containsExactly(WEEK);
        assertThat(repo.deleteAnswers(team, WEEK, id, List.of("pseudo-b"))).isEqualTo(1);
        assertThat(repo.destroyAnswers(team, WEEK)).isEqualTo(1);
        assertThat(repo.weeksWithAnswers(team)).isEmpty();
    }

    @BothDatabases
    void aWeeksCountIsKeptOnceAndAWithheldOneHoldsNoNumber(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var repo = new JdbcPromiseRepository(jdbc, TestDatabases.SEALER);
        long id = repo.add(promise(team, "UL"));

        repo.keep(new Tally(id, WEEK, Optional.empty()));
        repo.keep(new Tally(id, WEEK, Optional.of(new Tally.Counts(9, 9, 9, 9))));
        repo.keep(new Tally(id, WEEK.plus(2), Optional.of(new Tally.Counts(3, 1, 0, 2))));

        assertThat(repo.tallies(team))
                .containsExactly(
                        new Tally(id, WEEK, Optional.empty()),
                        new Tally(id, WEEK.plus(2), Optional.of(new Tally.Counts(3, 1, 0, 2))));
        Integer stored = jdbc.sql("SELECT COUNT(*) FROM promise_tally WHERE shown = FALSE AND yes IS NULL")
                .query(Integer.class)
                .single();
        assertThat(stored).isEqualTo(1);
    }
}
