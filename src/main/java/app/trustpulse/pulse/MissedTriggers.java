package app.trustpulse.pulse;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A trigger missed while the service was down fires once when it comes back; the work is done only if it
 * is still the same day where the team is, and skipped otherwise.
 */
public final class MissedTriggers {

    private MissedTriggers() {}

    public static boolean stillSameLocalDay(Instant scheduledAt, Instant now, ZoneId zone) {
        return scheduledAt.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
    }
}
