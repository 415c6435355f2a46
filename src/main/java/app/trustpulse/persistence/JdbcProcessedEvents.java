package app.trustpulse.persistence;

import app.trustpulse.chat.ProcessedEvents;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Handled deliveries in table {@code processed_event}; the primary key decides who was first. Keys are stored as
 * SHA-256 hashes: a delivery key may name a person or a conversation, and the table needs only to recognise it.
 */
final class JdbcProcessedEvents implements ProcessedEvents {

    private static final String INSERT =
            "INSERT INTO processed_event (event_key, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING";

    private final JdbcClient jdbc;

    JdbcProcessedEvents(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public boolean firstTime(String key, Instant now) {
        return jdbc.sql(INSERT).params(hash(key), SqlSupport.utc(now)).update() == 1;
    }

    @Override
    public boolean seen(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_key = ?")
                        .param(hash(key))
                        .query(Integer.class)
                        .single()
                > 0;
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
