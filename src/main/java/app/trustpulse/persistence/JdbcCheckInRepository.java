package app.trustpulse.persistence;

import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.DeliveryClaim;
import app.trustpulse.pulse.Liveness;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Sealer;
import app.trustpulse.pulse.StatementRef;
import app.trustpulse.pulse.WeekId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Check-ins in table {@code check_in}. The statements a check-in asks (e.g. "FREEDOM:2,SAFETY:1") are sealed, bound
 * to the check-in's team, person, week and slot: who was asked which dimension would otherwise say which answer is
 * whose. Rows of earlier versions with statements in clear are read as they are until sealed at the first start.
 * Every change of status is a conditional update, so two instances racing for the same check-in
 * cannot both win.
 */
final class JdbcCheckInRepository implements CheckInRepository {

    private static final String SELECT = """
            SELECT id, team_id, user_id, week, slot, audience, statements, status, sent_at, reminded_at, message_ref
              FROM check_in
            """;

    /** PostgreSQL takes at most 65,535 parameters in a statement. */
    private static final int ROWS_PER_INSERT = 500;

    private static final int COLUMNS = 11;

    private final JdbcClient jdbc;
    private final Sealer sealer;
    private final CheckInWrites writes;

    /** Without a transaction manager (tools, and tests of the storage alone): each statement commits on its own. */
    JdbcCheckInRepository(JdbcClient jdbc, Sealer sealer) {
        this(jdbc, sealer, Liveness.alone(), null);
    }

    /** @param transactions the writes of senders that write together are made in one of these (see CheckInWrites) */
    JdbcCheckInRepository(JdbcClient jdbc, Sealer sealer, Liveness liveness, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.writes = new CheckInWrites(jdbc, liveness, transactions);
    }

    @Override
    public CheckIn createIfAbsent(CheckIn checkIn, Instant now) {
        createAllIfAbsent(List.of(checkIn), now);
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND user_id = :userId AND week = :week AND slot = :slot")
                .param("teamId", checkIn.teamId())
                .param("userId", checkIn.userId())
                .param("week", checkIn.week().toString())
                .param("slot", checkIn.slot())
                .query(this::map)
                .single();
    }

    /** One statement per {@value #ROWS_PER_INSERT} rows, each its own commit: a round's rows are not one unit. */
    @Override
    public void createAllIfAbsent(List<CheckIn> checkIns, Instant now) {
        for (int from = 0; from < checkIns.size(); from += ROWS_PER_INSERT) {
            List<CheckIn> part = checkIns.subList(from, Math.min(checkIns.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("""
                    INSERT INTO check_in (team_id, user_id, week, slot, audience, statements, status, created_at,
                                          sent_at, reminded_at, message_ref)
                    VALUES
                    """);
            List<Object> values = new ArrayList<>(part.size() * COLUMNS);
            for (CheckIn c : part) {
                sql.append(values.isEmpty() ? " " : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                values.add(c.teamId());
                values.add(c.userId());
                values.add(c.week().toString());
                values.add(c.slot());
                values.add(c.audience().name());
                values.add(sealer.seal(encode(c.statements()), context(c.teamId(), c.userId(), c.week(), c.slot())));
                values.add(c.status().name());
                values.add(SqlSupport.utc(now));
                values.add(SqlSupport.utc(c.sentAt().orElse(null)));
                values.add(SqlSupport.utc(c.remindedAt().orElse(null)));
                values.add(c.messageRef().orElse(null));
            }
            jdbc.sql(sql.append(" ON CONFLICT DO NOTHING").toString())
                    .params(values)
                    .update();
        }
    }

    @Override
    public Optional<CheckIn> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    @Override
    public List<CheckIn> ofWeek(long teamId, WeekId week) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND week = :week ORDER BY slot, user_id")
                .param("teamId", teamId)
                .param("week", week.toString())
                .query(this::map)
                .list();
    }

    @Override
    public List<CheckIn> ofUser(long teamId, String userId, WeekId week) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND user_id = :userId AND week = :week ORDER BY slot")
                .param("teamId", teamId)
                .param("userId", userId)
                .param("week", week.toString())
                .query(this::map)
                .list();
    }

    @Override
    public Optional<DeliveryClaim> claimForSending(long id, Instant now, Instant staleBefore) {
        return writes.claim(
                "SELECT COALESCE(delivery_id, '') FROM check_in WHERE id = :id",
                """
                UPDATE check_in SET status = 'SENDING', claimed_at = :now, claimed_by = :me, delivery_id = :deliveryId
                 WHERE id = :id
                   AND (status = 'SCHEDULED' OR (status = 'SENDING' AND (claimed_at IS NULL OR claimed_at < :stale
                        OR %s)))
                   AND COALESCE(delivery_id, '') = :seen
                """.formatted(DeliveryClaims.holderDead("check_in", "claimed_by", "claimed_at")),
                id,
                now,
                staleBefore);
    }

    @Override
    public int countSending(long teamId, WeekId week) {
        return jdbc.sql("SELECT COUNT(*) FROM check_in WHERE team_id = :teamId AND week = :week AND status = 'SENDING'")
                .param("teamId", teamId)
                .param("week", week.toString())
                .query(Integer.class)
                .single();
    }

    /**
     * Records the delivery; the status moves to SENT unless the check-in already moved past it. Written with the other
     * senders' claims and marks of that moment (see {@link CheckInWrites}).
     */
    @Override
    public void markSent(long id, Instant at, String messageRef) {
        writes.sent(id, at, messageRef);
    }

    @Override
    public void releaseClaim(long id) {
        jdbc.sql("UPDATE check_in SET status = 'SCHEDULED' WHERE id = :id AND status = 'SENDING'")
                .param("id", id)
                .update();
    }

    /** An expired check-in stays expired. No time is kept: it would line the person up with their answers. */
    @Override
    public Optional<DeliveryClaim> claimReminder(long id, Instant now, Instant staleBefore) {
        return writes.claim(
                "SELECT COALESCE(reminder_delivery_id, '') FROM check_in WHERE id = :id",
                """
                UPDATE check_in SET reminded_at = :now, reminder_claimed_by = :me, reminder_delivery_id = :deliveryId
                 WHERE id = :id AND status = 'SENT' AND reminder_sent = FALSE
                   AND (reminded_at IS NULL OR reminded_at < :stale
                        OR %s)
                   AND COALESCE(reminder_delivery_id, '') = :seen
                """.formatted(DeliveryClaims.holderDead("check_in", "reminder_claimed_by", "reminded_at")),
                id,
                now,
                staleBefore);
    }

    @Override
    public void markReminderSent(long id) {
        writes.reminderSent(id);
    }

    @Override
    public boolean reminderPending(long id) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM check_in
                 WHERE id = :id AND status = 'SENT' AND reminded_at IS NOT NULL AND reminder_sent = FALSE
                """).param("id", id).query(Integer.class).single() > 0;
    }

    @Override
    public void releaseReminder(long id) {
        jdbc.sql("UPDATE check_in SET reminded_at = NULL WHERE id = :id AND reminder_sent = FALSE")
                .param("id", id)
                .update();
    }

    @Override
    public int expireOpen(long teamId, WeekId week) {
        return jdbc.sql(
                        "UPDATE check_in SET status = 'EXPIRED' WHERE team_id = :teamId AND week = :week AND status = 'SENT'")
                .param("teamId", teamId)
                .param("week", week.toString())
                .update();
    }

    @Override
    public List<CheckIn> recentOf(Collection<Long> teamIds, String userId, int limit) {
        if (teamIds.isEmpty() || limit <= 0) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                 WHERE team_id IN (:teamIds) AND user_id = :userId AND sent_at IS NOT NULL
                 ORDER BY sent_at DESC, id DESC
                 LIMIT :limit
                """)
                .param("teamIds", List.copyOf(teamIds))
                .param("userId", userId)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    @Override
    public int countAsked(long teamId, WeekId week, Role audience) {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT user_id) FROM check_in
                 WHERE team_id = :teamId AND week = :week AND audience = :audience AND sent_at IS NOT NULL
                """)
                .param("teamId", teamId)
                .param("week", week.toString())
                .param("audience", audience.name())
                .query(Integer.class)
                .single();
    }

    @Override
    public int countOfUser(long teamId, String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM check_in WHERE team_id = :teamId AND user_id = :userId")
                .param("teamId", teamId)
                .param("userId", userId)
                .query(Integer.class)
                .single();
    }

    @Override
    public int deleteOfUser(long teamId, String userId) {
        return jdbc.sql("DELETE FROM check_in WHERE team_id = :teamId AND user_id = :userId")
                .param("teamId", teamId)
                .param("userId", userId)
                .update();
    }

    private static String encode(List<StatementRef> statements) {
        return statements.stream().map(StatementRef::encode).collect(Collectors.joining(","));
    }

    private static String context(long teamId, String userId, WeekId week, int slot) {
        return "check_in.statements|" + teamId + "|" + userId + "|" + week + "|" + slot;
    }

    /** Seals the statements of a check-in stored in clear by an earlier version; false when sealed already. */
    boolean sealLegacy(long id) {
        Optional<CheckIn> found = find(id);
        if (found.isEmpty()) {
            return false;
        }
        CheckIn c = found.get();
        return jdbc.sql("UPDATE check_in SET statements = :sealed WHERE id = :id AND statements NOT LIKE 's1.%'")
                        .param(
                                "sealed",
                                sealer.seal(
                                        encode(c.statements()), context(c.teamId(), c.userId(), c.week(), c.slot())))
                        .param("id", id)
                        .update()
                == 1;
    }

    private CheckIn map(ResultSet rs, int row) throws SQLException {
        String stored = rs.getString("statements");
        String plain = Sealer.isSealed(stored)
                ? sealer.open(
                        stored,
                        context(
                                rs.getLong("team_id"),
                                rs.getString("user_id"),
                                WeekId.parse(rs.getString("week")),
                                rs.getInt("slot")))
                : stored;
        List<StatementRef> statements = Arrays.stream(plain.split(","))
                .filter(s -> !s.isBlank())
                .map(StatementRef::decode)
                .toList();
        return new CheckIn(
                rs.getLong("id"),
                rs.getLong("team_id"),
                rs.getString("user_id"),
                WeekId.parse(rs.getString("week")),
                rs.getInt("slot"),
                Role.valueOf(rs.getString("audience")),
                statements,
                CheckIn.Status.valueOf(rs.getString("status")),
                SqlSupport.optionalInstant(rs, "sent_at"),
                SqlSupport.optionalInstant(rs, "reminded_at"),
                Optional.ofNullable(rs.getString("message_ref")));
    }

    @Override
    public void markRoundPlanned(String round, long teamId, WeekId week, Instant at) {
        jdbc.sql("""
                INSERT INTO send_now_round (round_key, team_id, week, planned_at) VALUES (:round, :teamId, :week, :at)
                ON CONFLICT DO NOTHING
                """)
                .param("round", round)
                .param("teamId", teamId)
                .param("week", week.toString())
                .param("at", SqlSupport.utc(at))
                .update();
    }

    @Override
    public boolean isRoundPlanned(String round) {
        return jdbc.sql("SELECT COUNT(*) FROM send_now_round WHERE round_key = :round")
                        .param("round", round)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
