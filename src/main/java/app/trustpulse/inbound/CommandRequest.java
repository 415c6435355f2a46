package app.trustpulse.inbound;

import java.util.Optional;

/**
 * A command as typed after "/pulse" (Slack) or "@bot pulse" (Teams), with mentions already turned into
 * {@code <@userId>} and channels into {@code <#channelId>}. The channel is where it was typed; empty in a DM.
 */
public record CommandRequest(Sender sender, Optional<String> channelId, String text) {
}
