package app.trustpulse.persistence;

import app.trustpulse.pulse.DeliveryClaim;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claim every claimable row shares (a check-in, its reminder, a welcome): read the row's delivery id, make one
 * when it has none, and update the row only while that id is still the one read, so of two concurrent claims only one
 * wins. The id is kept across claims, so a later sender knows an earlier one may have landed.
 */
final class DeliveryClaims {

    private DeliveryClaims() {
    }

    /**
     * @param readId  a query for the row's delivery id as {@code COALESCE(column, '')}, with the row's key parameters
     * @param claim   the update; it sets the id from {@code :deliveryId} and the claim time from {@code :now}, treats
     *                claims before {@code :stale} as dead, and requires {@code COALESCE(column, '') = :seen}
     * @param key     the row's key parameters, used by both statements
     */
    static Optional<DeliveryClaim> claim(JdbcClient jdbc, String readId, String claim, Map<String, ?> key, Instant now,
                                         Instant staleBefore) {
        List<String> before = jdbc.sql(readId).params(key).query(String.class).list();
        if (before.isEmpty()) {
            return Optional.empty();
        }
        boolean tried = !before.get(0).isEmpty();
        String deliveryId = tried ? before.get(0) : UUID.randomUUID().toString();
        int claimed = jdbc.sql(claim)
                .params(key)
                .param("now", SqlSupport.utc(now))
                .param("stale", SqlSupport.utc(staleBefore))
                .param("deliveryId", deliveryId)
                .param("seen", before.get(0))
                .update();
        return claimed == 1 ? Optional.of(new DeliveryClaim(deliveryId, tried)) : Optional.empty();
    }
}
