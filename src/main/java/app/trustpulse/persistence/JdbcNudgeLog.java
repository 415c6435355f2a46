package app.trustpulse.persistence;

import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.NudgeReason;
import app.trustpulse.nudge.SentNudge;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sent nudges and the leaders' reactions, in table {@code nudge_sent}. */
final class JdbcNudgeLog implements NudgeLog {

    private static final String SELECT = """
            SELECT id, team_id, leader_id, nudge_id, dimension, reason, week, occasion, sent_at, reaction
              FROM nudge_sent
            """;

    private final JdbcClient jdbc;

    JdbcNudgeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long record(SentNudge nudge) {
        return SqlSupport.insertReturningId(jdbc.sql("""
                        INSERT INTO nudge_sent (team_id, leader_id, nudge_id, dimension, reason, week,
                            occasion, sent_at, reaction)
                        VALUES (:teamId, :leaderId, :nudgeId, :dimension, :reason, :week, :occasion, :sentAt, :reaction)
                        """)
                .param("teamId", nudge.teamId())
                .param("leaderId", nudge.leaderId())
                .param("nudgeId", nudge.nudgeId())
                .param("dimension", nudge.dimension().map(Dimension::name).orElse(null))
                .param("reason", nudge.reason().name())
                .param("week", nudge.week().toString())
                .param("occasion", nudge.occasion().name())
                .param("sentAt", SqlSupport.utc(nudge.sentAt()))
                .param(
                        "reaction",
                        nudge.reaction().map(SentNudge.Reaction::name).orElse(null)));
    }

    /** The leader's nudges sent at or after {@code since}, oldest first. */
    @Override
    public List<SentNudge> ofLeader(long teamId, String leaderId, Instant since) {
        return jdbc.sql(
                        SELECT
                                + " WHERE team_id = :teamId AND leader_id = :leaderId AND sent_at >= :since ORDER BY sent_at, id")
                .param("teamId", teamId)
                .param("leaderId", leaderId)
                .param("since", SqlSupport.utc(since))
                .query(JdbcNudgeLog::map)
                .list();
    }

    @Override
    public Optional<SentNudge> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(JdbcNudgeLog::map)
                .optional();
    }

    @Override
    public int countOfLeader(long teamId, String leaderId) {
        return jdbc.sql("SELECT COUNT(*) FROM nudge_sent WHERE team_id = :teamId AND leader_id = :leaderId")
                .param("teamId", teamId)
                .param("leaderId", leaderId)
                .query(Integer.class)
                .single();
    }

    /** The leader's randomised decisions go too: they say which weeks a nudge was sent or withheld. */
    @Override
    public int deleteOfLeader(long teamId, String leaderId) {
        new JdbcDecisionLog(jdbc).deleteOfLeader(teamId, leaderId);
        return jdbc.sql("DELETE FROM nudge_sent WHERE team_id = :teamId AND leader_id = :leaderId")
                .param("teamId", teamId)
                .param("leaderId", leaderId)
                .update();
    }

    /** A later reaction replaces an earlier one (e.g. "not yet", then "tried"). */
    @Override
    public boolean react(long id, String leaderId, SentNudge.Reaction reaction, Instant at) {
        return jdbc.sql(
                                "UPDATE nudge_sent SET reaction = :reaction, reacted_at = :at WHERE id = :id AND leader_id = :leaderId")
                        .param("id", id)
                        .param("leaderId", leaderId)
                        .param("reaction", reaction.name())
                        .param("at", SqlSupport.utc(at))
                        .update()
                == 1;
    }

    private static SentNudge map(ResultSet rs, int row) throws SQLException {
        return new SentNudge(
                rs.getLong("id"),
                rs.getLong("team_id"),
                rs.getString("leader_id"),
                rs.getString("nudge_id"),
                Optional.ofNullable(rs.getString("dimension")).map(Dimension::valueOf),
                NudgeReason.valueOf(rs.getString("reason")),
                WeekId.parse(rs.getString("week")),
                SentNudge.Occasion.valueOf(rs.getString("occasion")),
                SqlSupport.instant(rs, "sent_at"),
                Optional.ofNullable(rs.getString("reaction")).map(SentNudge.Reaction::valueOf));
    }
}
