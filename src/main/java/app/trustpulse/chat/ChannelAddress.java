package app.trustpulse.chat;

import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;

/** A channel in a workspace. */
public record ChannelAddress(Platform platform, String workspaceId, String channelId) {

    public static ChannelAddress of(Team team) {
        return new ChannelAddress(team.platform(), team.workspaceId(), team.channelId());
    }
}
