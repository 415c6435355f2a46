package app.trustpulse.persistence;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.WeekId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Answers in table {@code answer}, keyed by (team, week, dimension, pseudonym); the table has no user id.
 * The latest answer wins: an upsert never overwrites an answer recorded at a later moment.
 * "Can't say" is a NULL score.
 */
public final class JdbcAnswerRepository implements AnswerRepository {

    private static final String SELECT = """
            SELECT team_id, week, dimension, pseudonym, respondent, score, comment
              FROM answer
            """;

    private final JdbcClient jdbc;

    public JdbcAnswerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void upsert(Answer answer, Instant at) {
        SqlSupport.updateOrInsert(
                () -> bind(jdbc.sql("""
                        UPDATE answer
                           SET respondent = :respondent, score = :score, comment = :comment, updated_at = :at
                         WHERE team_id = :teamId AND week = :week AND dimension = :dimension AND pseudonym = :pseudonym
                           AND updated_at <= :at
                        """), answer, at).update(),
                () -> bind(jdbc.sql("""
                        INSERT INTO answer (team_id, week, dimension, pseudonym, respondent, score, comment, updated_at)
                        VALUES (:teamId, :week, :dimension, :pseudonym, :respondent, :score, :comment, :at)
                        ON CONFLICT DO NOTHING
                        """), answer, at).update());
    }

    @Override
    public List<Answer> ofWeek(long teamId, WeekId week) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND week = :week ORDER BY dimension, pseudonym")
                .param("teamId", teamId)
                .param("week", week.toString())
                .query(JdbcAnswerRepository::map)
                .list();
    }

    @Override
    public List<Answer> ofPseudonym(long teamId, String pseudonym) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND pseudonym = :pseudonym ORDER BY week, dimension")
                .param("teamId", teamId)
                .param("pseudonym", pseudonym)
                .query(JdbcAnswerRepository::map)
                .list();
    }

    @Override
    public int deleteOfPseudonym(long teamId, String pseudonym) {
        return jdbc.sql("DELETE FROM answer WHERE team_id = :teamId AND pseudonym = :pseudonym")
                .param("teamId", teamId)
                .param("pseudonym", pseudonym)
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Answer a, Instant at) {
        return spec
                .param("teamId", a.teamId())
                .param("week", a.week().toString())
                .param("dimension", a.dimension().name())
                .param("pseudonym", a.pseudonym())
                .param("respondent", a.respondent().name())
                .param("score", a.score().isPresent() ? a.score().getAsInt() : null, java.sql.Types.INTEGER)
                .param("comment", a.comment().orElse(null))
                .param("at", SqlSupport.utc(at));
    }

    private static Answer map(ResultSet rs, int row) throws SQLException {
        int score = rs.getInt("score");
        OptionalInt scored = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(score);
        return new Answer(
                rs.getLong("team_id"),
                WeekId.parse(rs.getString("week")),
                Dimension.valueOf(rs.getString("dimension")),
                rs.getString("pseudonym"),
                Role.valueOf(rs.getString("respondent")),
                scored,
                Optional.ofNullable(rs.getString("comment")));
    }
}
