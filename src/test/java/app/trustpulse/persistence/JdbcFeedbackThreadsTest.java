package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.NOW;
import static app.trustpulse.persistence.Fixtures.WEEK;
import static app.trustpulse.persistence.Fixtures.insertTeam;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Feedback;
import app.trustpulse.pulse.FeedbackThread;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseModule;
import app.trustpulse.support.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcFeedbackThreadsTest {

    private static final String WRITER = "U0WRITER42";
    private static final Instant CLOSES = NOW.plus(Duration.ofDays(14));

    private static long releasedFeedback(JdbcClient jdbc, long team, String text) {
        var feedback = new JdbcFeedbackRepository(jdbc, TestDatabases.SEALER);
        String giver = new PulseModule(TestDatabases.PSEUDONYM_KEY.getBytes(StandardCharsets.UTF_8))
                .pseudonyms()
                .feedbackGiver(team, Platform.SLACK, WRITER);
        long id = feedback.add(new Feedback(0, team, WEEK, giver, text, Optional.empty()));
        feedback.markReleased(List.of(id), WEEK);
        return id;
    }

    private static int linkRows(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM feedback_thread_writer")
                .query(Integer.class)
                .single();
    }

    @BothDatabases
    void aThreadIsOpenedOnceAndFindsItsWriterOnlyThroughTheSeal(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long feedbackId = releasedFeedback(jdbc, team, "More focus time");
        var threads = new JdbcFeedbackThreads(jdbc, TestDatabases.SEALER);

        FeedbackThread opened = threads.open(team, feedbackId, CLOSES, WRITER).orElseThrow();
        threads.posted(opened.id(), "ref-1");

        assertThat(threads.open(team, feedbackId, CLOSES, "someone else")).isEmpty();
        FeedbackThread found = threads.find(team, feedbackId).orElseThrow();
        assertThat(found)
                .isEqualTo(new FeedbackThread(opened.id(), team, feedbackId, Optional.of("ref-1"), CLOSES, false));
        assertThat(threads.writer(found)).contains(WRITER);
        assertThat(threads.find(team, feedbackId + 1)).isEmpty();
    }

    @BothDatabases
    void aWriterNoLongerOnTheTeamLeavesARowThatLooksTheSame(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var threads = new JdbcFeedbackThreads(jdbc, TestDatabases.SEALER);
        FeedbackThread reachable = threads.open(team, releasedFeedback(jdbc, team, "a"), CLOSES, WRITER)
                .orElseThrow();
        FeedbackThread gone = threads.open(team, releasedFeedback(jdbc, team, "b"), CLOSES, "")
                .orElseThrow();

        assertThat(threads.writer(reachable)).contains(WRITER);
        assertThat(threads.writer(gone)).isEmpty();
        assertThat(jdbc.sql("SELECT sealed FROM feedback_thread_writer")
                        .query(String.class)
                        .list())
                .hasSize(2)
                .extracting(String::length)
                .as("padded alike, so the length does not tell who could be reached")
                .containsOnly(jdbc.sql("SELECT sealed FROM feedback_thread_writer WHERE thread_id = :id")
                        .param("id", gone.id())
                        .query(String.class)
                        .single()
                        .length());
    }

    @BothDatabases
    void closingDeletesTheWayBackToTheWriterAndKeepsTheClosedThread(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long feedbackId = releasedFeedback(jdbc, team, "More focus time");
        var threads = new JdbcFeedbackThreads(jdbc, TestDatabases.SEALER);
        FeedbackThread opened = threads.open(team, feedbackId, CLOSES, WRITER).orElseThrow();

        assertThat(threads.close(opened.id())).isTrue();
        assertThat(threads.close(opened.id())).isFalse();

        assertThat(linkRows(jdbc)).isZero();
        FeedbackThread closed = threads.find(team, feedbackId).orElseThrow();
        assertThat(closed.closed()).isTrue();
        assertThat(threads.writer(closed)).isEmpty();
    }

    @BothDatabases
    void theRetentionJobClosesThreadsWhoseTimeIsUpAndDestroysTheirLinks(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var threads = new JdbcFeedbackThreads(jdbc, TestDatabases.SEALER);
        FeedbackThread due = threads.open(team, releasedFeedback(jdbc, team, "a"), NOW.minusSeconds(1), WRITER)
                .orElseThrow();
        FeedbackThread running = threads.open(team, releasedFeedback(jdbc, team, "b"), CLOSES, WRITER)
                .orElseThrow();

        int closed = new JdbcRetentionStore(jdbc).closeFeedbackThreads(NOW);

        assertThat(closed).isEqualTo(1);
        assertThat(jdbc.sql("SELECT thread_id FROM feedback_thread_writer")
                        .query(Long.class)
                        .list())
                .containsExactly(running.id());
        assertThat(jdbc.sql("SELECT closed FROM feedback_thread WHERE id = :id")
                        .param("id", due.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @BothDatabases
    void anAbandonedThreadLeavesNothingAndCanBeOpenedAgain(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long feedbackId = releasedFeedback(jdbc, team, "a");
        var threads = new JdbcFeedbackThreads(jdbc, TestDatabases.SEALER);
        FeedbackThread first = threads.open(team, feedbackId, CLOSES, WRITER).orElseThrow();

        threads.abandon(first.id());

        assertThat(threads.find(team, feedbackId)).isEmpty();
        assertThat(linkRows(jdbc)).isZero();
        assertThat(threads.open(team, feedbackId, CLOSES, WRITER)).isPresent();
    }

    @BothDatabases
    void forgettingTheFeedbackDeletesItsThreadAndLink(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long feedbackId = releasedFeedback(jdbc, team, "a");
        var threads = new JdbcFeedbackThreads(jdbc, TestDatabases.SEALER);
        threads.open(team, feedbackId, CLOSES, WRITER).orElseThrow();
        String giver = new PulseModule(TestDatabases.PSEUDONYM_KEY.getBytes(StandardCharsets.UTF_8))
                .pseudonyms()
                .feedbackGiver(team, Platform.SLACK, WRITER);

        new JdbcFeedbackRepository(jdbc, TestDatabases.SEALER).deleteOfPseudonym(team, giver);

        assertThat(threads.find(team, feedbackId)).isEmpty();
        assertThat(linkRows(jdbc)).isZero();
    }

    @BothDatabases
    void aThreadKeepsWhatWasPostedInItInOrderSealedAndGoesWithItsFeedback(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long feedbackId = releasedFeedback(jdbc, team, "More focus time");
        var threads = new JdbcFeedbackThreads(jdbc, TestDatabases.SEALER);
        FeedbackThread opened = threads.open(team, feedbackId, CLOSES, WRITER).orElseThrow();

        threads.keepReply(opened.id(), "*Lee:* We will try quiet mornings");
        threads.keepReply(opened.id(), "*The writer:* Thank you, that helps");
        threads.close(opened.id());

        assertThat(threads.replies(opened.id()))
                .as("closing the thread keeps what the channel shows")
                .containsExactly("*Lee:* We will try quiet mornings", "*The writer:* Thank you, that helps");
        assertThat(jdbc.sql("SELECT sealed FROM feedback_thread_reply")
                        .query(String.class)
                        .list())
                .allSatisfy(v -> assertThat(v).startsWith("s1.").doesNotContain("quiet"));
        jdbc.sql("DELETE FROM feedback WHERE id = :id").param("id", feedbackId).update();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM feedback_thread_reply")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    /** What an insider reads in the thread tables: no platform id, nothing that opens without the service's secret. */
    @BothDatabases
    void noColumnHoldsTheWritersIdOrAReversibleLinkInClear(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long feedbackId = releasedFeedback(jdbc, team, "More focus time");
        var threads = new JdbcFeedbackThreads(jdbc, TestDatabases.SEALER);
        FeedbackThread opened = threads.open(team, feedbackId, CLOSES, WRITER).orElseThrow();
        threads.posted(opened.id(), "SLACK\u001fT1\u001fC1\u001f1700000000.000100");

        List<String> values = new ArrayList<>();
        for (String table : List.of("feedback_thread", "feedback_thread_writer", "feedback")) {
            for (Map<String, Object> row :
                    jdbc.sql("SELECT * FROM " + table).query().listOfRows()) {
                row.values().forEach(v -> values.add(String.valueOf(v)));
            }
        }
        String giver = new PulseModule(TestDatabases.PSEUDONYM_KEY.getBytes(StandardCharsets.UTF_8))
                .pseudonyms()
                .feedbackGiver(team, Platform.SLACK, WRITER);
        assertThat(values)
                .noneMatch(v -> v.contains(WRITER))
                .noneMatch(v -> v.contains(giver))
                .noneMatch(v -> v.contains("More focus time"));
        String sealed = jdbc.sql("SELECT sealed FROM feedback_thread_writer")
                .query(String.class)
                .single();
        assertThat(sealed).startsWith("s1.");
        assertThat(new String(
                        java.util.Base64.getUrlDecoder().decode(sealed.substring(3)), StandardCharsets.ISO_8859_1))
                .doesNotContain(WRITER);
    }
}
