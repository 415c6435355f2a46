package app.trustpulse.persistence;

import app.trustpulse.pulse.Leases;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Leases in table {@code work_lease}: a conditional update takes one, so two instances never hold the same. */
final class JdbcLeases implements Leases {

    private final JdbcClient jdbc;

    JdbcLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Acquired acquire(String name, String holder, Instant now, Instant until) {
        jdbc.sql("INSERT INTO work_lease (name) VALUES (:name) ON CONFLICT DO NOTHING").param("name", name).update();
        List<String> before = jdbc.sql("SELECT COALESCE(holder, '') FROM work_lease WHERE name = :name")
                .param("name", name).query(String.class).list();
        String previous = before.isEmpty() ? "" : before.get(0);
        // The holder read above is part of the condition, so of two instances racing only one takes the lease.
        int taken = jdbc.sql("""
                UPDATE work_lease SET holder = :holder, held_until = :until
                 WHERE name = :name AND COALESCE(holder, '') = :previous
                   AND (holder IS NULL OR holder = :holder OR held_until < :now)
                """)
                .param("name", name)
                .param("holder", holder)
                .param("previous", previous)
                .param("until", SqlSupport.utc(until))
                .param("now", SqlSupport.utc(now))
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
        jdbc.sql("UPDATE work_lease SET holder = NULL, held_until = NULL WHERE name = :name AND holder = :holder")
                .param("name", name)
                .param("holder", holder)
                .update();
    }
}
