package app.trustpulse.persistence;

import app.trustpulse.nudge.DecisionLog;
import app.trustpulse.nudge.NudgeDecision;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The randomised nudge decisions, in table {@code nudge_decision}; weeks compare as text ("2026-W05"). */
final class JdbcDecisionLog implements DecisionLog {

    private static final String SELECT = """
            SELECT id, team_id, leader_id, week, dimension, nudge_id, probability, sent, decided_at, focus_rule
              FROM nudge_decision
            """;

    private final JdbcClient jdbc;

    JdbcDecisionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unique key decides a race between two runs: the second insert fails and the first decision counts. */
    @Override
    public NudgeDecision decideOnce(NudgeDecision d) {
        try {
            jdbc.sql("""
                            INSERT INTO nudge_decision (team_id, leader_id, week, dimension, nudge_id, probability,
                                sent, decided_at, focus_rule)
                            VALUES (:teamId, :leaderId, :week, :dimension, :nudgeId, :probability, :sent, :decidedAt,
                                :rule)
                            """)
                    .param("teamId", d.teamId())
                    .param("leaderId", d.leaderId())
                    .param("week", d.week().toString())
                    .param("dimension", d.dimension().name())
                    .param("nudgeId", d.nudgeId())
                    .param("probability", d.probability())
                    .param("sent", d.sent())
                    .param("decidedAt", SqlSupport.utc(d.decidedAt()))
                    .param("rule", d.rule().name())
                    .update();
        } catch (DataIntegrityViolationException alreadyDecided) {
            // Another run decided this week first; its draw stands.
        }
        return find(d.teamId(), d.leaderId(), d.week()).orElseThrow();
    }

    @Override
    public Optional<NudgeDecision> find(long teamId, String leaderId, WeekId week) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND leader_id = :leaderId AND week = :week")
                .param("teamId", teamId)
                .param("leaderId", leaderId)
                .param("week", week.toString())
                .query(JdbcDecisionLog::map)
                .optional();
    }

    @Override
    public List<NudgeDecision> ofLeader(long teamId, String leaderId, WeekId from, WeekId to) {
        return jdbc.sql(SELECT + """
                         WHERE team_id = :teamId AND leader_id = :leaderId AND week >= :from AND week <= :to
                         ORDER BY week""")
                .param("teamId", teamId)
                .param("leaderId", leaderId)
                .param("from", from.toString())
                .param("to", to.toString())
                .query(JdbcDecisionLog::map)
                .list();
    }

    @Override
    public List<NudgeDecision> since(WeekId from) {
        return jdbc.sql(SELECT + " WHERE week >= :from ORDER BY team_id, week, id")
                .param("from", from.toString())
                .query(JdbcDecisionLog::map)
                .list();
    }

    @Override
    public int deleteOfLeader(long teamId, String leaderId) {
        return jdbc.sql("DELETE FROM nudge_decision WHERE team_id = :teamId AND leader_id = :leaderId")
                .param("teamId", teamId)
                .param("leaderId", leaderId)
                .update();
    }

    private static NudgeDecision map(ResultSet rs, int row) throws SQLException {
        return new NudgeDecision(
                rs.getLong("id"),
                rs.getLong("team_id"),
                rs.getString("leader_id"),
                WeekId.parse(rs.getString("week")),
                Dimension.valueOf(rs.getString("dimension")),
                rs.getString("nudge_id"),
                rs.getDouble("probability"),
                rs.getBoolean("sent"),
                SqlSupport.instant(rs, "decided_at"),
                NudgeDecision.FocusRule.valueOf(rs.getString("focus_rule")));
    }
}
