package app.trustpulse.persistence;

import app.trustpulse.chat.ProcessedEvents;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Handled deliveries in table {@code processed_event} (keys up to 300 characters); the primary key decides who was first. */
public final class JdbcProcessedEvents implements ProcessedEvents {

    private final JdbcClient jdbc;

    public JdbcProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean firstTime(String key, Instant now) {
        return jdbc.sql("INSERT INTO processed_event (event_key, processed_at) VALUES (:key, :at) ON CONFLICT DO NOTHING")
                .param("key", key)
                .param("at", SqlSupport.utc(now))
                .update() == 1;
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM processed_event WHERE processed_at < :cutoff")
                .param("cutoff", SqlSupport.utc(cutoff))
                .update();
    }
}
