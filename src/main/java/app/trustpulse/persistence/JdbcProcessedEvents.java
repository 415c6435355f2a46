package app.trustpulse.persistence;

import app.trustpulse.chat.ProcessedEvents;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Handled deliveries in table {@code processed_event}; the primary key decides who was first. Keys are stored as
 * SHA-256 hashes: a delivery key may name a person or a conversation, and the table needs only to recognise it.
 */
final class JdbcProcessedEvents implements ProcessedEvents {

    private static final String INSERT =
            "INSERT INTO processed_event (event_key, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    JdbcProcessedEvents(DataSource dataSource) {
        this.batches = new JdbcTemplate(dataSource);
        this.jdbc = JdbcClient.create(batches);
    }

    @Override
    public boolean firstTime(String key, Instant now) {
        return jdbc.sql(INSERT).params(hash(key), SqlSupport.utc(now)).update() == 1;
    }

    /**
     * One batch of inserts: the acknowledgements committed together mark their requests in one round trip. The
     * inserts run in order, so of a key twice in the batch only the first is new.
     */
    @Override
    public List<Boolean> firstTimes(List<String> keys, Instant now) {
        if (keys.size() < 2) {
            return keys.isEmpty() ? List.of() : List.of(firstTime(keys.get(0), now));
        }
        Object at = SqlSupport.utc(now);
        List<Object[]> rows = new ArrayList<>(keys.size());
        for (String key : keys) {
            rows.add(new Object[] {hash(key), at});
        }
        int[] inserted = batches.batchUpdate(INSERT, rows);
        List<Boolean> first = new ArrayList<>(inserted.length);
        for (int n : inserted) {
            if (n == Statement.SUCCESS_NO_INFO) {
                // A driver rewriting the batch (pgjdbc's reWriteBatchedInserts) gives no counts: the transaction fails,
                // and its requests are committed one by one, as single inserts.
                throw new IllegalStateException("the database did not say which inserts were new");
            }
            first.add(n == 1);
        }
        return first;
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
