package app.trustpulse.persistence;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.WeekId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Answers in table {@code answer}, keyed by (team, week, dimension, pseudonym); the table has no user id.
 * The latest answer wins. No row keeps a time: only the week says when, so an answer cannot be lined up with the
 * moment its person answered; and every write marks its team-week for {@link JdbcAnswerMixing}, which puts the
 * rows back in random order, so neither can the order of the rows. "Can't say" is a NULL score.
 */
final class JdbcAnswerRepository implements AnswerRepository {

    private static final String SELECT = """
            SELECT team_id, week, dimension, pseudonym, respondent, score, comment
              FROM answer
            """;

    private final JdbcClient jdbc;

    JdbcAnswerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void upsert(Answer answer) {
        SqlSupport.updateOrInsert(
                () -> bind(jdbc.sql("""
                        UPDATE answer
                           SET respondent = :respondent, score = :score, comment = :comment
                         WHERE team_id = :teamId AND week = :week AND dimension = :dimension AND pseudonym = :pseudonym
                        """), answer).update(),
                () -> bind(jdbc.sql("""
                        INSERT INTO answer (team_id, week, dimension, pseudonym, respondent, score, comment)
                        VALUES (:teamId, :week, :dimension, :pseudonym, :respondent, :score, :comment)
                        ON CONFLICT DO NOTHING
                        """), answer).update());
        JdbcAnswerMixing.markForMixing(jdbc, answer.teamId(), answer.week());
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

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Answer a) {
        return spec
                .param("teamId", a.teamId())
                .param("week", a.week().toString())
                .param("dimension", a.dimension().name())
                .param("pseudonym", a.pseudonym())
                .param("respondent", a.respondent().name())
                .param("score", a.score().isPresent() ? a.score().getAsInt() : null, java.sql.Types.INTEGER)
                .param("comment", a.comment().orElse(null));
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
