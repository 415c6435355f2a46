package app.trustpulse.inbound;

import app.trustpulse.chat.MessageRef;
import java.util.Optional;

/**
 * A click on a button or a scale of a message the bot sent, with the text typed into its input request
 * (if the button had one) and the message it was on, so the message can be updated in place.
 *
 * @param requestKey the platform's id of the request, the same when it is handled again (after a crash), so what it
 *                   stores is stored once; empty where the platform gives none
 */
public record Interaction(
        Sender sender,
        String action,
        Optional<String> input,
        Optional<MessageRef> message,
        Optional<String> requestKey) {

    public Interaction(Sender sender, String action, Optional<String> input, Optional<MessageRef> message) {
        this(sender, action, input, message, Optional.empty());
    }
}
