package app.trustpulse.persistence;

import app.trustpulse.pulse.Leases;
import app.trustpulse.pulse.Liveness;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leases in table {@code work_lease}: a conditional update takes one, so two instances never hold the same. A lease
 * also ends when the instance that last took or renewed it has died (see {@link DeliveryClaims#holderDead}).
 */
final class JdbcLeases implements Leases {

    private final JdbcClient jdbc;
    private final Liveness liveness;

    JdbcLeases(JdbcClient jdbc) {
        this(jdbc, Liveness.alone());
    }

    JdbcLeases(JdbcClient jdbc, Liveness liveness) {
        this.jdbc = jdbc;
        this.liveness = liveness;
    }

    @Override
    public Acquired acquire(String name, String holder, Instant now, Instant until) {
        jdbc.sql("INSERT INTO work_lease (name) VALUES (:name) ON CONFLICT DO NOTHING")
                .param("name", name)
                .update();
        List<String> before = jdbc.sql("SELECT COALESCE(holder, '') FROM work_lease WHERE name = :name")
                .param("name", name)
                .query(String.class)
                .list();
        String previous = before.isEmpty() ? "" : before.get(0);
        // The holder read above is part of the condition, so of two instances racing only one takes the lease.
        int taken = jdbc.sql("""
                UPDATE work_lease SET holder = :holder, held_until = :until, held_by = :me, renewed_at = :now
                 WHERE name = :name AND COALESCE(holder, '') = :previous
                   AND (holder IS NULL OR holder = :holder OR held_until < :now OR %s)
                """.formatted(DeliveryClaims.holderDead("work_lease", "held_by", "renewed_at")))
                .param("name", name)
                .param("holder", holder)
                .param("previous", previous)
                .param("until", SqlSupport.utc(until))
                .param("now", SqlSupport.utc(now))
                .param("me", liveness.instance())
                .param("deadBefore", SqlSupport.utc(liveness.deadBefore()))
                .update();
        if (taken == 0) {
            return Acquired.BUSY;
        }
        if (previous.isEmpty()) {
            return Acquired.NEW;
        }
        return previous.equals(holder) ? Acquired.RENEWED : Acquired.TAKEN_OVER;
    }

    @Override
    public void release(String name, String holder) {
        jdbc.sql("""
                UPDATE work_lease SET holder = NULL, held_until = NULL, held_by = NULL, renewed_at = NULL
                 WHERE name = :name AND holder = :holder
                """).param("name", name).param("holder", holder).update();
    }
}
