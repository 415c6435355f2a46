package app.trustpulse.chat;

import app.trustpulse.pulse.Platform;

/**
 * What a platform adapter keeps about a person for itself (how to reach them again, for example); forget-me erases
 * it together with the engine's data.
 */
public interface PlatformPersonalData {

    /** Erases what is kept about the person on that platform and workspace; returns how many records went. */
    int forget(Platform platform, String workspaceId, String userId);
}
