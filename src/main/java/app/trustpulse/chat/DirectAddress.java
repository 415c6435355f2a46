package app.trustpulse.chat;

import app.trustpulse.pulse.Platform;

/** A person, reached in a direct message. */
public record DirectAddress(Platform platform, String workspaceId, String userId) {}
