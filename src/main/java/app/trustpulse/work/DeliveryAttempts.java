package app.trustpulse.work;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery ids that were tried. A post whose id was tried before may have landed (the instance died, or the
 * answer was lost), so its sender first looks for the id in the conversation; a first try needs no look.
 */
public final class DeliveryAttempts {

    private final JdbcClient jdbc;

    public DeliveryAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a try of the delivery; true when it is the first. */
    public boolean firstTry(String deliveryId, Instant now) {
        return jdbc.sql("INSERT INTO delivery_attempt (delivery_id, first_at) VALUES (:id, :at) ON CONFLICT DO NOTHING")
                        .param("id", deliveryId)
                        .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .update()
                == 1;
    }

    /** When the delivery was first tried, if it was. */
    public Optional<Instant> firstTriedAt(String deliveryId) {
        return jdbc.sql("SELECT first_at FROM delivery_attempt WHERE delivery_id = :id")
                .param("id", deliveryId)
                .query((rs, n) -> rs.getObject("first_at", OffsetDateTime.class).toInstant())
                .optional();
    }

    /** Records that the delivery landed (a try is recorded first, if there was none). */
    public void delivered(String deliveryId, Instant now) {
        firstTry(deliveryId, now);
        jdbc.sql("UPDATE delivery_attempt SET delivered_at = :at WHERE delivery_id = :id")
                .param("id", deliveryId)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    /** Whether the delivery is known to have landed. */
    public boolean wasDelivered(String deliveryId) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery_attempt WHERE delivery_id = :id AND delivered_at IS NOT NULL")
                        .param("id", deliveryId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Forgets tries older than the given moment: their work is long done or given up. */
    public int forgetBefore(Instant before) {
        return jdbc.sql("DELETE FROM delivery_attempt WHERE first_at < :before")
                .param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .update();
    }
}
