package app.trustpulse.inbound;

import app.trustpulse.pulse.Platform;

/**
 * Who wrote or clicked, as the adapter resolved it. {@code workspaceAdmin} is the platform's own word
 * (Slack workspace admin or owner, Teams team owner); the service's admin list is checked on top.
 */
public record Sender(
        Platform platform, String workspaceId, String userId, String displayName, boolean workspaceAdmin) {}
