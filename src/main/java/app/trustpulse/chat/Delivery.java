package app.trustpulse.chat;

import java.util.UUID;

/**
 * The identity of one message to be delivered, kept with the work that sends it. The platform adapter tags the
 * posted message with it; when an earlier try may have landed, the adapter first looks for the tag, so a retry
 * never shows the message twice.
 *
 * @param id            unique per message
 * @param mayHaveLanded true when this id was tried before (a retry, or a claim taken back from a dead instance)
 */
public record Delivery(String id, boolean mayHaveLanded) {

    public static Delivery fresh() {
        return new Delivery(UUID.randomUUID().toString(), false);
    }
}
