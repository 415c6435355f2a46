package app.trustpulse.persistence;

import app.trustpulse.pulse.FeedbackThread;
import app.trustpulse.pulse.FeedbackThreadRepository;
import app.trustpulse.pulse.Sealer;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Feedback threads in {@code feedback_thread}, and the way back to each writer in {@code feedback_thread_writer}: the
 * writer's platform id sealed, bound to the thread's team and id, padded so an empty id (a writer who left) looks the
 * same. Closing a thread deletes that row; nothing else keeps who wrote.
 */
final class JdbcFeedbackThreads implements FeedbackThreadRepository {

    private static final String SELECT =
            "SELECT id, team_id, feedback_id, post_ref, closes_at, closed FROM feedback_thread";

    private final JdbcClient jdbc;
    private final Sealer sealer;
    private final SecureRandom random = new SecureRandom();
    /** Replies are padded like released comments, so their stored length says little. */
    private static final int REPLY_BLOCK = 256;

    JdbcFeedbackThreads(JdbcClient jdbc, Sealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    @Override
    public Optional<FeedbackThread> find(long teamId, long feedbackId) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND feedback_id = :feedbackId")
                .param("teamId", teamId)
                .param("feedbackId", feedbackId)
                .query(JdbcFeedbackThreads::map)
                .optional();
    }

    @Override
    public Optional<FeedbackThread> open(long teamId, long feedbackId, Instant closesAt, String writerId) {
        while (true) {
            long id = 1 + random.nextLong(Long.MAX_VALUE - 1);
            int inserted = jdbc.sql("""
                            INSERT INTO feedback_thread (id, team_id, feedback_id, closes_at, closed)
                            VALUES (:id, :teamId, :feedbackId, :closesAt, FALSE)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("id", id)
                    .param("teamId", teamId)
                    .param("feedbackId", feedbackId)
                    .param("closesAt", SqlSupport.utc(closesAt))
                    .update();
            if (inserted == 1) {
                jdbc.sql("INSERT INTO feedback_thread_writer (thread_id, sealed) VALUES (:id, :sealed)")
                        .param("id", id)
                        .param("sealed", sealer.seal(writerId, context(teamId, id)))
                        .update();
                return Optional.of(new FeedbackThread(id, teamId, feedbackId, Optional.empty(), closesAt, false));
            }
            if (find(teamId, feedbackId).isPresent()) {
                return Optional.empty();
            }
            // The random id was taken: draw another.
        }
    }

    @Override
    public void posted(long threadId, String postRef) {
        jdbc.sql("UPDATE feedback_thread SET post_ref = :ref WHERE id = :id")
                .param("ref", postRef)
                .param("id", threadId)
                .update();
    }

    @Override
    public void abandon(long threadId) {
        jdbc.sql("DELETE FROM feedback_thread_writer WHERE thread_id = :id")
                .param("id", threadId)
                .update();
        jdbc.sql("DELETE FROM feedback_thread WHERE id = :id AND post_ref IS NULL")
                .param("id", threadId)
                .update();
    }

    @Override
    public Optional<String> writer(FeedbackThread thread) {
        return jdbc.sql("""
                        SELECT w.sealed FROM feedback_thread_writer w JOIN feedback_thread t ON t.id = w.thread_id
                         WHERE w.thread_id = :id AND t.closed = FALSE
                        """)
                .param("id", thread.id())
                .query(String.class)
                .optional()
                .map(value -> sealer.open(value, context(thread.teamId(), thread.id())))
                .filter(id -> !id.isEmpty());
    }

    @Override
    public void keepReply(long threadId, String text) {
        Long team = jdbc.sql("SELECT team_id FROM feedback_thread WHERE id = :id")
                .param("id", threadId)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (team == null) {
            return;
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            int position = jdbc.sql(
                            "SELECT COALESCE(MAX(position), 0) + 1 FROM feedback_thread_reply WHERE thread_id = :id")
                    .param("id", threadId)
                    .query(Integer.class)
                    .single();
            int inserted = jdbc.sql("""
                            INSERT INTO feedback_thread_reply (thread_id, position, sealed)
                            VALUES (:id, :position, :sealed)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("id", threadId)
                    .param("position", position)
                    .param("sealed", sealer.seal(text, replyContext(team, threadId, position), REPLY_BLOCK))
                    .update();
            if (inserted == 1) {
                return;
            }
            // Someone else's reply took the place: take the next one.
        }
    }

    @Override
    public List<String> replies(long threadId) {
        return jdbc.sql("""
                        SELECT t.team_id, r.position, r.sealed FROM feedback_thread_reply r
                          JOIN feedback_thread t ON t.id = r.thread_id
                         WHERE r.thread_id = :id ORDER BY r.position
                        """)
                .param("id", threadId)
                .query((rs, row) -> sealer.open(
                        rs.getString("sealed"), replyContext(rs.getLong("team_id"), threadId, rs.getInt("position"))))
                .list();
    }

    @Override
    public boolean close(long threadId) {
        int closed = jdbc.sql("UPDATE feedback_thread SET closed = TRUE WHERE id = :id AND closed = FALSE")
                .param("id", threadId)
                .update();
        jdbc.sql("DELETE FROM feedback_thread_writer WHERE thread_id = :id")
                .param("id", threadId)
                .update();
        return closed == 1;
    }

    @Override
    public int closeExpired(Instant now) {
        return closeExpired(jdbc, now);
    }

    /** Also run by the daily retention job. */
    static int closeExpired(JdbcClient jdbc, Instant now) {
        int closed = jdbc.sql("UPDATE feedback_thread SET closed = TRUE WHERE closed = FALSE AND closes_at <= :now")
                .param("now", SqlSupport.utc(now))
                .update();
        jdbc.sql("""
                        DELETE FROM feedback_thread_writer
                         WHERE thread_id IN (SELECT id FROM feedback_thread WHERE closed = TRUE)
                        """).update();
        return closed;
    }

    private static String replyContext(long teamId, long threadId, int position) {
        return "feedback_thread_reply|" + teamId + "|" + threadId + "|" + position;
    }

    private static String context(long teamId, long threadId) {
        return "feedback_thread|" + teamId + "|" + threadId;
    }

    private static FeedbackThread map(ResultSet rs, int row) throws SQLException {
        return new FeedbackThread(
                rs.getLong("id"),
                rs.getLong("team_id"),
                rs.getLong("feedback_id"),
                Optional.ofNullable(rs.getString("post_ref")),
                SqlSupport.instant(rs, "closes_at"),
                rs.getBoolean("closed"));
    }
}
