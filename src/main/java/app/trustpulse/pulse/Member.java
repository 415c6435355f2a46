package app.trustpulse.pulse;

import java.time.ZoneId;
import java.util.Optional;

/** A platform user in a team. The timezone is the user's own, when the platform knows it. */
public record Member(
        long teamId,
        String userId,
        String displayName,
        Role role,
        Optional<ZoneId> timezone,
        boolean optedOut,
        boolean nudgesPaused) {

    public boolean isLeader() {
        return role == Role.LEADER;
    }

    public ZoneId zoneOr(ZoneId teamZone) {
        return timezone.orElse(teamZone);
    }

    public Member withRole(Role r) {
        return new Member(teamId, userId, displayName, r, timezone, optedOut, nudgesPaused);
    }

    public Member withOptedOut(boolean o) {
        return new Member(teamId, userId, displayName, role, timezone, o, nudgesPaused);
    }

    public Member withNudgesPaused(boolean p) {
        return new Member(teamId, userId, displayName, role, timezone, optedOut, p);
    }
}
