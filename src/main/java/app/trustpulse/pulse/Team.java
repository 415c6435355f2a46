package app.trustpulse.pulse;

import java.time.ZoneId;

/**
 * A pulse group inside a workspace, bound to one channel.
 * The anonymity threshold is never below {@link AnonymityPolicy#MINIMUM_THRESHOLD}.
 */
public record Team(
        long id,
        Platform platform,
        String workspaceId,
        String channelId,
        String name,
        ZoneId timezone,
        Language language,
        int threshold,
        TeamSchedule schedule,
        boolean paused) {

    public Team {
        AnonymityPolicy.requireAllowed(threshold);
    }

    public Team withSchedule(TeamSchedule s) {
        return new Team(id, platform, workspaceId, channelId, name, timezone, language, threshold, s, paused);
    }

    public Team withTimezone(ZoneId zone) {
        return new Team(id, platform, workspaceId, channelId, name, zone, language, threshold, schedule, paused);
    }

    public Team withLanguage(Language l) {
        return new Team(id, platform, workspaceId, channelId, name, timezone, l, threshold, schedule, paused);
    }

    public Team withThreshold(int t) {
        return new Team(id, platform, workspaceId, channelId, name, timezone, language, t, schedule, paused);
    }

    public Team withPaused(boolean p) {
        return new Team(id, platform, workspaceId, channelId, name, timezone, language, threshold, schedule, p);
    }
}
