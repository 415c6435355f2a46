package app.trustpulse.schedule;

import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scheduled work that is due and has not started: triggers in Quartz's tables whose fire time has passed, counted
 * across all instances by platform and kind of job. Work waits when every scheduler thread is busy, or when no
 * instance is running the scheduler. Read at most every few seconds, whatever the number of gauges asking.
 */
final class DueWork {

    /** The kinds of team jobs, as their job names. */
    public static final List<String> KINDS =
            List.of(TeamJobs.CHECK_IN, TeamJobs.CLOSE, TeamJobs.NUDGES, TeamJobs.REMINDER, TeamJobs.PERSONAL);

    private static final Duration FRESH = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, Map.of());

    DueWork(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public PulseMetrics.Waiting waiting(Platform platform, String kind) {
        return current().waiting().getOrDefault(platform + "/" + kind, PulseMetrics.Waiting.NONE);
    }

    private Snapshot current() {
        Instant now = clock.instant();
        Snapshot s = snapshot;
        if (s.at().plus(FRESH).isAfter(now)) {
            return s;
        }
        Map<String, PulseMetrics.Waiting> waiting = new ConcurrentHashMap<>();
        jdbc.sql("""
                SELECT t.platform, q.job_name, COUNT(*) AS due, MIN(q.next_fire_time) AS oldest
                FROM qrtz_triggers q JOIN team t ON q.job_group = CONCAT('team-', CAST(t.id AS VARCHAR(20)))
                WHERE q.next_fire_time < :now AND q.trigger_state IN ('WAITING', 'ACQUIRED', 'BLOCKED')
                GROUP BY t.platform, q.job_name""")
                .param("now", now.toEpochMilli())
                .query((rs, n) -> {
                    long oldest = rs.getLong("oldest");
                    waiting.put(
                            rs.getString("platform") + "/" + rs.getString("job_name"),
                            new PulseMetrics.Waiting(
                                    rs.getInt("due"), Duration.ofMillis(Math.max(0, now.toEpochMilli() - oldest))));
                    return null;
                })
                .list();
        Snapshot fresh = new Snapshot(now, Map.copyOf(waiting));
        snapshot = fresh;
        return fresh;
    }

    private record Snapshot(Instant at, Map<String, PulseMetrics.Waiting> waiting) {}
}
