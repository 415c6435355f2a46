package app.trustpulse.inbound;

import java.util.Optional;

/**
 * A command as typed after "/pulse" (Slack) or "@bot pulse" (Teams), with mentions already turned into
 * {@code <@userId>} and channels into {@code <#channelId>}. The channel is where it was typed; empty in a DM.
 * {@code requestKey} names the request it came in, the same on every run of it (a run cut short by a crash is run
 * again), so a command that starts something long (a send-now) can tell its own earlier start from anyone else's.
 */
public record CommandRequest(Sender sender, Optional<String> channelId, String text, Optional<String> requestKey) {

    /** A command that is run once, e.g. from the playground. */
    public CommandRequest(Sender sender, Optional<String> channelId, String text) {
        this(sender, channelId, text, Optional.empty());
    }

    public CommandRequest withRequestKey(String id) {
        return new CommandRequest(sender, channelId, text, Optional.ofNullable(id));
    }
}
