package app.trustpulse.persistence;

import app.trustpulse.pulse.DeliveryClaim;
import app.trustpulse.pulse.Liveness;
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

    private DeliveryClaims() {}

    /**
     * SQL that is true when a claim's holder died: another instance took it at least the dead-after time ago and has
     * not beaten since (its row in {@code live_instance} is stale or gone). Uses {@code :me} and {@code :deadBefore}.
     * The claim time is part of it, so a claim is never taken back before its holder could have beaten once. A claim
     * without a holder (taken by a version that did not record one) ends only by the claim timeout.
     */
    static String holderDead(String table, String holderColumn, String claimedAtColumn) {
        return "(" + holderColumn + " <> :me AND " + claimedAtColumn + " < :deadBefore"
                + " AND NOT EXISTS (SELECT 1 FROM live_instance l WHERE l.name = " + table + "." + holderColumn
                + " AND l.beat_at >= :deadBefore))";
    }

    /**
     * @param readId  a query for the row's delivery id as {@code COALESCE(column, '')}, with the row's key parameters
     * @param claim   the update; it sets the id from {@code :deliveryId}, the claim time from {@code :now} and the
     * holder
     *                from {@code :me}, treats claims before {@code :stale} and those of dead holders
     *                ({@link #holderDead}) as gone, and requires {@code COALESCE(column, '') = :seen}
     * @param key     the row's key parameters, used by both statements
     */
    static Optional<DeliveryClaim> claim(
            JdbcClient jdbc,
            Liveness liveness,
            String readId,
            String claim,
            Map<String, ?> key,
            Instant now,
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
                .param("me", liveness.instance())
                .param("deadBefore", SqlSupport.utc(liveness.deadBefore()))
                .param("deliveryId", deliveryId)
                .param("seen", before.get(0))
                .update();
        return claimed == 1 ? Optional.of(new DeliveryClaim(deliveryId, tried)) : Optional.empty();
    }
}
