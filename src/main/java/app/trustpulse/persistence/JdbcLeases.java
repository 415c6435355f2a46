package app.trustpulse.persistence;

import app.trustpulse.pulse.Leases;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Leases in table {@code work_lease}: a conditional update takes one, so two instances never hold the same. */
public final class JdbcLeases implements Leases {

    private final JdbcClient jdbc;

    public JdbcLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean acquire(String name, String holder, Instant now, Instant until) {
        jdbc.sql("INSERT INTO work_lease (name) VALUES (:name) ON CONFLICT DO NOTHING").param("name", name).update();
        return jdbc.sql("""
                UPDATE work_lease SET holder = :holder, held_until = :until
                 WHERE name = :name AND (holder IS NULL OR held_until < :now)
                """)
                .param("name", name)
                .param("holder", holder)
                .param("until", SqlSupport.utc(until))
                .param("now", SqlSupport.utc(now))
                .update() == 1;
    }

    @Override
    public void release(String name, String holder) {
        jdbc.sql("UPDATE work_lease SET holder = NULL, held_until = NULL WHERE name = :name AND holder = :holder")
                .param("name", name)
                .param("holder", holder)
                .update();
    }
}
