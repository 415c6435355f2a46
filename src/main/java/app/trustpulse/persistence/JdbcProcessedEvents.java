package app.trustpulse.persistence;

import app.trustpulse.chat.ProcessedEvents;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Handled deliveries in table {@code processed_event}; the primary key decides who was first. Keys are stored as
 * SHA-256 hashes: a delivery key may name a person or a conversation, and the table needs only to recognise it.
 */
final class JdbcProcessedEvents implements ProcessedEvents {

    private final JdbcClient jdbc;

    JdbcProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean firstTime(String key, Instant now) {
        return jdbc.sql(
                                "INSERT INTO processed_event (event_key, processed_at) VALUES (:key, :at) ON CONFLICT DO NOTHING")
                        .param("key", hash(key))
                        .param("at", SqlSupport.utc(now))
                        .update()
                == 1;
    }

    /** SHA-256 in hex: 64 characters, whatever the key. */
    static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
