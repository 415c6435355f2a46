package app.trustpulse.inbound;

import app.trustpulse.chat.MessageRef;
import java.util.Optional;

/**
 * A click on a button or a scale of a message the bot sent, with the text typed into its input request
 * (if the button had one) and the message it was on, so the message can be updated in place.
 */
public record Interaction(Sender sender, String action, Optional<String> input, Optional<MessageRef> message) {
}
