package app.trustpulse.inbound;

import app.trustpulse.chat.ChatUser;
import app.trustpulse.pulse.Platform;
import java.util.Optional;

/**
 * A change to a channel's members as the platform reported it. {@code by} is who made it, when the platform says and
 * it was someone else than the people who came or went; {@code key} is the platform's own id of the change, the same
 * when it is handled again (a redelivery, a run cut short by a crash), empty where it is handled only once.
 */
public record ChannelChange(
        Platform platform, String workspaceId, String channelId, Optional<ChatUser> by, Optional<String> key) {

    /** A change the people made themselves, handled once (e.g. in the playground). */
    public static ChannelChange once(Platform platform, String workspaceId, String channelId) {
        return new ChannelChange(platform, workspaceId, channelId, Optional.empty(), Optional.empty());
    }
}
