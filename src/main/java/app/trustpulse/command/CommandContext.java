package app.trustpulse.command;

import app.trustpulse.pulse.Platform;
import java.util.Optional;

/**
 * Who runs a command, and where: the channel it was typed in, or empty for a direct message; and the request it came
 * in, the same when the platform runs it again after a crash (empty where it is run once).
 */
public record CommandContext(
        Platform platform,
        String workspaceId,
        String userId,
        String displayName,
        boolean workspaceAdmin,
        Optional<String> channelId,
        Optional<String> requestKey) {

    public CommandContext(
            Platform platform,
            String workspaceId,
            String userId,
            String displayName,
            boolean workspaceAdmin,
            Optional<String> channelId) {
        this(platform, workspaceId, userId, displayName, workspaceAdmin, channelId, Optional.empty());
    }
}
