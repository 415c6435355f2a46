package app.trustpulse.persistence;

import app.trustpulse.pulse.Feedback;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.WeekId;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Anonymous feedback in table {@code feedback}, under the pseudonym only; the text is in column {@code body}. No row
 * keeps a time more precise than its week, and ids are drawn at random, so neither tells when someone gave it.
 */
final class JdbcFeedbackRepository implements FeedbackRepository {

    private static final String SELECT = """
            SELECT id, team_id, week, pseudonym, body, released_week
              FROM feedback
            """;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    JdbcFeedbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long add(Feedback feedback) {
        return insert(feedback, null).orElseThrow();
    }

    @Override
    public OptionalLong addOnce(Feedback feedback, String onceToken) {
        return insert(feedback, JdbcProcessedEvents.hash("feedback:" + feedback.teamId() + ":" + onceToken));
    }

    private OptionalLong insert(Feedback feedback, String onceKey) {
        while (true) {
            long id = 1 + random.nextLong(Long.MAX_VALUE - 1);
            int inserted = jdbc.sql("""
                            INSERT INTO feedback (id, team_id, week, pseudonym, body, released_week, once_key)
                            VALUES (:id, :teamId, :week, :pseudonym, :body, :releasedWeek, :onceKey)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("id", id)
                    .param("teamId", feedback.teamId())
                    .param("week", feedback.week().toString())
                    .param("pseudonym", feedback.pseudonym())
                    .param("body", feedback.text())
                    .param("releasedWeek", feedback.releasedIn().map(WeekId::toString).orElse(null))
                    .param("onceKey", onceKey)
                    .update();
            if (inserted == 1) {
                return OptionalLong.of(id);
            }
            // Either the random id was taken (try another) or the token was used: then it is stored already.
            if (onceKey != null && jdbc.sql("SELECT COUNT(*) FROM feedback WHERE team_id = :teamId AND once_key = :onceKey")
                    .param("teamId", feedback.teamId())
                    .param("onceKey", onceKey)
                    .query(Integer.class)
                    .single() > 0) {
                return OptionalLong.empty();
            }
        }
    }

    @Override
    public List<Feedback> releasedIn(long teamId, WeekId week) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND released_week = :week ORDER BY id")
                .param("teamId", teamId)
                .param("week", week.toString())
                .query(JdbcFeedbackRepository::map)
                .list();
    }

    @Override
    public List<Feedback> pending(long teamId) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND released_week IS NULL ORDER BY week, id")
                .param("teamId", teamId)
                .query(JdbcFeedbackRepository::map)
                .list();
    }

    /** Feedback released once stays released in that week. */
    @Override
    public void markReleased(Collection<Long> ids, WeekId week) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE feedback SET released_week = :week WHERE id IN (:ids) AND released_week IS NULL")
                .param("week", week.toString())
                .param("ids", List.copyOf(ids))
                .update();
    }

    @Override
    public int dropPendingBefore(long teamId, WeekId cutoff) {
        return jdbc.sql("DELETE FROM feedback WHERE team_id = :teamId AND released_week IS NULL AND week < :cutoff")
                .param("teamId", teamId)
                .param("cutoff", cutoff.toString())
                .update();
    }

    @Override
    public List<Feedback> ofPseudonym(long teamId, String pseudonym) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND pseudonym = :pseudonym ORDER BY week, id")
                .param("teamId", teamId)
                .param("pseudonym", pseudonym)
                .query(JdbcFeedbackRepository::map)
                .list();
    }

    @Override
    public int deleteOfPseudonym(long teamId, String pseudonym) {
        return jdbc.sql("DELETE FROM feedback WHERE team_id = :teamId AND pseudonym = :pseudonym")
                .param("teamId", teamId)
                .param("pseudonym", pseudonym)
                .update();
    }

    private static Feedback map(ResultSet rs, int row) throws SQLException {
        return new Feedback(
                rs.getLong("id"),
                rs.getLong("team_id"),
                WeekId.parse(rs.getString("week")),
                rs.getString("pseudonym"),
                rs.getString("body"),
                Optional.ofNullable(rs.getString("released_week")).map(WeekId::parse));
    }
}
