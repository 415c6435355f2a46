package app.trustpulse.command;

import app.trustpulse.pulse.Platform;
import java.util.Optional;

/** Who runs a command, and where: the channel it was typed in, or empty for a direct message. */
public record CommandContext(Platform platform, String workspaceId, String userId, String displayName,
                             boolean workspaceAdmin, Optional<String> channelId) {
}
