package app.trustpulse.insight;

/**
 * A signed-in person looking at the dashboard: who they are on their platform, and whether they are a
 * service admin there (an admin sees and edits every team of the platform, never anyone's answers).
 */
public record Viewer(
        app.trustpulse.pulse.Platform platform, String workspaceId, String userId, String displayName, boolean admin) {}
