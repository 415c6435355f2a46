package app.trustpulse.schedule;

import java.time.Instant;

/** One firing of a team's trigger as the key of its durable work: "team@epochMillis", queued once however often. */
record TeamRun(long teamId, Instant scheduledAt) {

    static String key(long teamId, Instant scheduledAt) {
        return teamId + "@" + scheduledAt.toEpochMilli();
    }

    static TeamRun parse(String key) {
        int at = key.indexOf('@');
        return new TeamRun(
                Long.parseLong(key.substring(0, at)), Instant.ofEpochMilli(Long.parseLong(key.substring(at + 1))));
    }
}
