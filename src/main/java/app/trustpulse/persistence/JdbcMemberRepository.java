package app.trustpulse.persistence;

import app.trustpulse.pulse.DeliveryClaim;
import app.trustpulse.pulse.Liveness;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Memberships in table {@code team_member}; joined_at is set once, when a membership is first saved. */
final class JdbcMemberRepository implements MemberRepository {

    /** The team's first roster: the people who came with its setup. */
    private static final String FOUNDING = "(m.joined_at <= t.created_at + INTERVAL '10' MINUTE)";

    private static final String COLUMNS =
            "m.team_id, m.user_id, m.display_name, m.role, m.timezone, m.opted_out, m.nudges_paused";

    private final JdbcClient jdbc;
    private final Liveness liveness;

    JdbcMemberRepository(JdbcClient jdbc) {
        this(jdbc, Liveness.alone());
    }

    JdbcMemberRepository(JdbcClient jdbc, Liveness liveness) {
        this.jdbc = jdbc;
        this.liveness = liveness;
    }

    @Override
    public void save(Member member) {
        SqlSupport.updateOrInsert(
                () -> bind(jdbc.sql("""
                        UPDATE team_member
                           SET display_name = :displayName, role = :role, timezone = :timezone,
                               opted_out = :optedOut, nudges_paused = :nudgesPaused
                         WHERE team_id = :teamId AND user_id = :userId
                        """), member).update(),
                () -> bind(jdbc.sql("""
                        INSERT INTO team_member (team_id, user_id, display_name, role, timezone, opted_out,
                            nudges_paused)
                        VALUES (:teamId, :userId, :displayName, :role, :timezone, :optedOut, :nudgesPaused)
                        ON CONFLICT DO NOTHING
                        """), member).update());
    }

    @Override
    public Optional<Member> find(long teamId, String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM team_member m WHERE m.team_id = :teamId AND m.user_id = :userId")
                .param("teamId", teamId)
                .param("userId", userId)
                .query(JdbcMemberRepository::map)
                .optional();
    }

    @Override
    public List<Member> ofTeam(long teamId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM team_member m WHERE m.team_id = :teamId ORDER BY m.joined_at, m.user_id")
                .param("teamId", teamId)
                .query(JdbcMemberRepository::map)
                .list();
    }

    @Override
    public List<Member> membershipsOf(Platform platform, String workspaceId, String userId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM team_member m
                 JOIN team t ON t.id = m.team_id
                WHERE t.platform = :platform AND t.workspace_id = :workspaceId AND m.user_id = :userId
                ORDER BY m.team_id
                """)
                .param("platform", platform.name())
                .param("workspaceId", workspaceId)
                .param("userId", userId)
                .query(JdbcMemberRepository::map)
                .list();
    }

    @Override
    public boolean remove(long teamId, String userId) {
        return jdbc.sql("DELETE FROM team_member WHERE team_id = :teamId AND user_id = :userId")
                        .param("teamId", teamId)
                        .param("userId", userId)
                        .update()
                > 0;
    }

    @Override
    public List<Member> joinedSince(long teamId, Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM team_member m JOIN team t ON t.id = m.team_id
                WHERE m.team_id = :teamId AND m.joined_at >= :since AND NOT
                """ + FOUNDING + " ORDER BY m.joined_at, m.user_id")
                .param("teamId", teamId)
                .param("since", SqlSupport.utc(since))
                .query(JdbcMemberRepository::map)
                .list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Member m) {
        return spec.param("teamId", m.teamId())
                .param("userId", m.userId())
                .param("displayName", m.displayName())
                .param("role", m.role().name())
                .param("timezone", m.timezone().map(ZoneId::getId).orElse(null))
                .param("optedOut", m.optedOut())
                .param("nudgesPaused", m.nudgesPaused());
    }

    private static Member map(ResultSet rs, int row) throws SQLException {
        return new Member(
                rs.getLong("team_id"),
                rs.getString("user_id"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                Optional.ofNullable(rs.getString("timezone")).map(ZoneId::of),
                rs.getBoolean("opted_out"),
                rs.getBoolean("nudges_paused"));
    }

    @Override
    public List<String> awaitingWelcome(long teamId, Instant joinedAfter) {
        return jdbc.sql("""
                SELECT user_id FROM team_member
                 WHERE team_id = :teamId AND welcomed = FALSE AND joined_at > :after
                 ORDER BY joined_at, user_id
                """)
                .param("teamId", teamId)
                .param("after", SqlSupport.utc(joinedAfter))
                .query(String.class)
                .list();
    }

    @Override
    public List<Long> teamsAwaitingWelcomes(Instant joinedAfter) {
        return jdbc.sql(
                        "SELECT DISTINCT team_id FROM team_member WHERE welcomed = FALSE AND joined_at > :after ORDER BY team_id")
                .param("after", SqlSupport.utc(joinedAfter))
                .query(Long.class)
                .list();
    }

    @Override
    public Optional<DeliveryClaim> claimWelcome(long teamId, String userId, Instant now, Instant staleBefore) {
        return DeliveryClaims.claim(
                jdbc,
                liveness,
                """
                SELECT COALESCE(welcome_delivery_id, '') FROM team_member WHERE team_id = :teamId AND user_id = :userId
                """,
                """
                UPDATE team_member SET welcome_claimed_at = :now, welcome_claimed_by = :me,
                    welcome_delivery_id = :deliveryId
                 WHERE team_id = :teamId AND user_id = :userId AND welcomed = FALSE
                   AND (welcome_claimed_at IS NULL OR welcome_claimed_at < :stale
                        OR %s)
                   AND COALESCE(welcome_delivery_id, '') = :seen
                """.formatted(DeliveryClaims.holderDead("team_member", "welcome_claimed_by", "welcome_claimed_at")),
                Map.of("teamId", teamId, "userId", userId),
                now,
                staleBefore);
    }

    @Override
    public void markWelcomed(long teamId, String userId) {
        jdbc.sql("UPDATE team_member SET welcomed = TRUE WHERE team_id = :teamId AND user_id = :userId")
                .param("teamId", teamId)
                .param("userId", userId)
                .update();
    }

    @Override
    public void releaseWelcome(long teamId, String userId) {
        jdbc.sql(
                        "UPDATE team_member SET welcome_claimed_at = NULL WHERE team_id = :teamId AND user_id = :userId AND welcomed = FALSE")
                .param("teamId", teamId)
                .param("userId", userId)
                .update();
    }

    @Override
    public boolean countsTowardThreshold(long teamId, String userId, Instant weekStart) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM team_member m JOIN team t ON t.id = m.team_id
                         WHERE m.team_id = :teamId AND m.user_id = :userId
                           AND (m.joined_at < :weekStart OR
                        """ + FOUNDING + ")")
                        .param("teamId", teamId)
                        .param("userId", userId)
                        .param("weekStart", SqlSupport.utc(weekStart))
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
