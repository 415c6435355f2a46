package app.trustpulse.persistence;

import app.trustpulse.pulse.DeliveryClaim;
import app.trustpulse.pulse.Liveness;
import app.trustpulse.pulse.RosterNoticeRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Roster notices in {@code roster_notice}, the people they name in {@code roster_notice_person} until posted. */
final class JdbcRosterNoticeRepository implements RosterNoticeRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Liveness liveness;

    JdbcRosterNoticeRepository(JdbcClient jdbc, TransactionTemplate transactions) {
        this(jdbc, transactions, Liveness.alone());
    }

    /** A claim on a notice lives as long as the instance that holds it (see {@link DeliveryClaims#holderDead}). */
    JdbcRosterNoticeRepository(JdbcClient jdbc, TransactionTemplate transactions, Liveness liveness) {
        this.liveness = liveness;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public boolean record(Notice n) {
        // One transaction: a notice is never seen without the people it names.
        Boolean stored = transactions.execute(status -> {
            int inserted = jdbc.sql("""
                    INSERT INTO roster_notice (team_id, notice_key, change_kind, by_user_id, by_name, people,
                        leaders, created_at)
                    VALUES (:teamId, :key, :change, :byId, :byName, :people, :leaders, :createdAt)
                    ON CONFLICT DO NOTHING
                    """)
                    .param("teamId", n.teamId())
                    .param("key", n.key())
                    .param("change", n.change().name())
                    .param("byId", n.by().map(Person::userId).orElse(null))
                    .param("byName", n.by().map(Person::displayName).orElse(null))
                    .param("people", n.count())
                    .param("leaders", n.leaders())
                    .param("createdAt", SqlSupport.utc(n.createdAt()))
                    .update();
            if (inserted == 0) {
                return false;
            }
            for (int i = 0; i < n.people().size(); i++) {
                Person p = n.people().get(i);
                jdbc.sql("""
                        INSERT INTO roster_notice_person (team_id, notice_key, seq, user_id, display_name)
                        VALUES (:teamId, :key, :seq, :userId, :name)
                        """)
                        .param("teamId", n.teamId())
                        .param("key", n.key())
                        .param("seq", i)
                        .param("userId", p.userId())
                        .param("name", p.displayName())
                        .update();
            }
            return true;
        });
        return Boolean.TRUE.equals(stored);
    }

    @Override
    public Optional<Notice> waiting(long teamId, String key) {
        List<Person> people = jdbc.sql("""
                SELECT user_id, display_name FROM roster_notice_person
                 WHERE team_id = :teamId AND notice_key = :key ORDER BY seq
                """)
                .param("teamId", teamId)
                .param("key", key)
                .query((rs, row) -> new Person(rs.getString(1), rs.getString(2)))
                .list();
        return jdbc.sql("""
                SELECT change_kind, by_user_id, by_name, people, leaders, created_at FROM roster_notice
                 WHERE team_id = :teamId AND notice_key = :key AND posted_at IS NULL
                """)
                .param("teamId", teamId)
                .param("key", key)
                .query((rs, row) -> {
                    String byId = rs.getString("by_user_id");
                    String byName = rs.getString("by_name");
                    Optional<Person> by = byId == null
                            ? Optional.empty()
                            : Optional.of(new Person(byId, byName == null ? byId : byName));
                    return new Notice(
                            teamId,
                            key,
                            Change.valueOf(rs.getString("change_kind")),
                            by,
                            people,
                            rs.getInt("people"),
                            rs.getInt("leaders"),
                            SqlSupport.instant(rs, "created_at"));
                })
                .optional();
    }

    @Override
    public Optional<DeliveryClaim> claim(long teamId, String key, Instant now, Instant staleBefore) {
        return DeliveryClaims.claim(
                jdbc,
                liveness,
                """
                SELECT COALESCE(delivery_id, '') FROM roster_notice
                 WHERE team_id = :teamId AND notice_key = :key AND posted_at IS NULL
                """,
                """
                UPDATE roster_notice SET claimed_at = :now, claimed_by = :me, delivery_id = :deliveryId
                 WHERE team_id = :teamId AND notice_key = :key AND posted_at IS NULL
                   AND (claimed_at IS NULL OR claimed_at < :stale OR %s)
                   AND COALESCE(delivery_id, '') = :seen
                """.formatted(DeliveryClaims.holderDead("roster_notice", "claimed_by", "claimed_at")),
                Map.of("teamId", teamId, "key", key),
                now,
                staleBefore);
    }

    @Override
    public void posted(long teamId, String key, Instant at) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("UPDATE roster_notice SET posted_at = :at, by_user_id = NULL, by_name = NULL"
                            + " WHERE team_id = :teamId AND notice_key = :key")
                    .param("teamId", teamId)
                    .param("key", key)
                    .param("at", SqlSupport.utc(at))
                    .update();
            jdbc.sql("DELETE FROM roster_notice_person WHERE team_id = :teamId AND notice_key = :key")
                    .param("teamId", teamId)
                    .param("key", key)
                    .update();
        });
    }

    @Override
    public void release(long teamId, String key) {
        jdbc.sql(
                        "UPDATE roster_notice SET claimed_at = NULL WHERE team_id = :teamId AND notice_key = :key AND posted_at IS NULL")
                .param("teamId", teamId)
                .param("key", key)
                .update();
    }

    @Override
    public List<Waiting> waitingSince(Instant since) {
        return jdbc.sql("""
                SELECT team_id, notice_key FROM roster_notice
                 WHERE posted_at IS NULL AND created_at >= :since
                 ORDER BY created_at, team_id, notice_key
                """)
                .param("since", SqlSupport.utc(since))
                .query((rs, row) -> new Waiting(rs.getLong(1), rs.getString(2)))
                .list();
    }
}
