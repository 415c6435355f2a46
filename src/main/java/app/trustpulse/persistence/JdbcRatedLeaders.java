package app.trustpulse.persistence;

import app.trustpulse.pulse.RatedLeaderRepository;
import app.trustpulse.pulse.Sealer;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.WeekId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rated leader of each team and week, and the trust-in-the-leader aggregates of closed weeks, in tables
 * {@code rated_leader_choice}, {@code rated_leader_week}, {@code trust_in_leader_week} and the one-way giver tokens
 * of each block in {@code trust_in_leader_giver}; weeks compare as text ("2026-W05").
 */
final class JdbcRatedLeaders implements RatedLeaderRepository {

    /** Sealed sizes are padded to this, so a row's length does not tell a small sum from a large one. */
    private static final int BLOCK = 64;

    private static final String DISTINCT_GIVERS = "g";

    private final JdbcClient jdbc;
    private final Sealer sealer;

    JdbcRatedLeaders(JdbcClient jdbc, Sealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    @Override
    public Optional<String> choice(long teamId) {
        return jdbc.sql("SELECT user_id FROM rated_leader_choice WHERE team_id = :teamId")
                .param("teamId", teamId)
                .query(String.class)
                .optional();
    }

    @Override
    public void choose(long teamId, String userId) {
        int updated = jdbc.sql("UPDATE rated_leader_choice SET user_id = :userId WHERE team_id = :teamId")
                .param("teamId", teamId)
                .param("userId", userId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO rated_leader_choice (team_id, user_id) VALUES (:teamId, :userId)
                            ON CONFLICT DO NOTHING
                            """).param("teamId", teamId).param("userId", userId).update();
            jdbc.sql("UPDATE rated_leader_choice SET user_id = :userId WHERE team_id = :teamId")
                    .param("teamId", teamId)
                    .param("userId", userId)
                    .update();
        }
    }

    @Override
    public Optional<PinnedWeek> pinned(long teamId, WeekId week) {
        return jdbc.sql("SELECT user_id, display_name FROM rated_leader_week WHERE team_id = :teamId AND week = :week")
                .param("teamId", teamId)
                .param("week", week.toString())
                .query((rs, n) -> new PinnedWeek(week, named(rs)))
                .optional();
    }

    /** The leader a row names; the id stands in for a name that was not kept. */
    private static Optional<Named> named(ResultSet rs) throws SQLException {
        String id = rs.getString("user_id");
        if (id == null) {
            return Optional.empty();
        }
        String name = rs.getString("display_name");
        return Optional.of(new Named(id, name == null ? id : name));
    }

    @Override
    public PinnedWeek pin(long teamId, WeekId week, Optional<Named> leader) {
        jdbc.sql("""
                        INSERT INTO rated_leader_week (team_id, week, user_id, display_name)
                        VALUES (:teamId, :week, :userId, :name)
                        ON CONFLICT DO NOTHING
                        """)
                .param("teamId", teamId)
                .param("week", week.toString())
                .param("userId", leader.map(Named::userId).orElse(null))
                .param("name", leader.map(Named::displayName).orElse(null))
                .update();
        // Whoever pinned it first decides, also when two instances pin the same week at once.
        return pinned(teamId, week).orElseThrow();
    }

    @Override
    public void forget(long teamId, String userId) {
        jdbc.sql("DELETE FROM rated_leader_choice WHERE team_id = :teamId AND user_id = :userId")
                .param("teamId", teamId)
                .param("userId", userId)
                .update();
        jdbc.sql("UPDATE rated_leader_week SET user_id = NULL, display_name = NULL"
                        + " WHERE team_id = :teamId AND user_id = :userId")
                .param("teamId", teamId)
                .param("userId", userId)
                .update();
    }

    @Override
    public void saveTrustInLeader(
            long teamId, WeekId week, int sum, int scores, int counted, Collection<String> givers) {
        // The fourth field marks a week whose givers were kept apart; rows without it pooled givers unchecked.
        jdbc.sql("""
                        INSERT INTO trust_in_leader_week (team_id, week, sealed)
                        VALUES (:teamId, :week, :sealed)
                        ON CONFLICT DO NOTHING
                        """)
                .param("teamId", teamId)
                .param("week", week.toString())
                .param(
                        "sealed",
                        sealer.seal(
                                sum + "|" + scores + "|" + counted + "|" + DISTINCT_GIVERS,
                                context(teamId, week),
                                BLOCK))
                .update();
        WeekId block = TrustInLeaderPool.blockStart(week);
        for (String token : givers) {
            jdbc.sql("""
                            INSERT INTO trust_in_leader_giver (team_id, block, token)
                            VALUES (:teamId, :block, :token)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("teamId", teamId)
                    .param("block", block.toString())
                    .param("token", token)
                    .update();
        }
    }

    @Override
    public int forgetPoolGiversBefore(long teamId, WeekId blockStart) {
        return jdbc.sql("DELETE FROM trust_in_leader_giver WHERE team_id = :teamId AND block < :block")
                .param("teamId", teamId)
                .param("block", blockStart.toString())
                .update();
    }

    @Override
    public Set<String> poolGivers(long teamId, WeekId blockStart) {
        return Set.copyOf(jdbc.sql("SELECT token FROM trust_in_leader_giver WHERE team_id = :teamId AND block = :block")
                .param("teamId", teamId)
                .param("block", blockStart.toString())
                .query(String.class)
                .list());
    }

    @Override
    public List<TrustInLeaderWeek> trustInLeader(long teamId, WeekId from, WeekId to) {
        return jdbc.sql("""
                        SELECT t.week, r.user_id, r.display_name, t.sealed
                          FROM trust_in_leader_week t
                          LEFT JOIN rated_leader_week r ON r.team_id = t.team_id AND r.week = t.week
                         WHERE t.team_id = :teamId AND t.week >= :from AND t.week <= :to
                         ORDER BY t.week
                        """)
                .param("teamId", teamId)
                .param("from", from.toString())
                .param("to", to.toString())
                .query((rs, n) -> {
                    WeekId week = WeekId.parse(rs.getString("week"));
                    String[] f = sealer.open(rs.getString("sealed"), context(teamId, week))
                            .split("\\|");
                    return new TrustInLeaderWeek(
                            week,
                            named(rs),
                            Integer.parseInt(f[0]),
                            Integer.parseInt(f[1]),
                            Integer.parseInt(f[2]),
                            f.length > 3 && f[3].equals(DISTINCT_GIVERS));
                })
                .list();
    }

    /** Bound into the seal, so a value moved to another team's or week's row does not open. */
    private static String context(long teamId, WeekId week) {
        return "trust_in_leader|" + teamId + "|" + week;
    }
}
