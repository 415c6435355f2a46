package app.trustpulse.work;

import app.trustpulse.pulse.PulseMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What waits in the durable queue, per kind of work, across all instances: due and unpicked (every worker is busy,
 * or no instance runs), failed at the last try (a platform or the database keeps refusing), and parked after failing
 * every try (dead letters, waiting for an admin). Read at most every few seconds, however many gauges ask.
 */
final class QueueBacklog {

    private static final Duration FRESH = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, Map.of());

    QueueBacklog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers the gauges of every kind of work. */
    void watch(List<String> kinds, PulseMetrics metrics) {
        for (String kind : kinds) {
            metrics.watchQueue(kind, () -> of(kind));
        }
    }

    PulseMetrics.Queued of(String kind) {
        return current().byKind().getOrDefault(kind, PulseMetrics.Queued.NONE);
    }

    private Snapshot current() {
        Instant now = clock.instant();
        Snapshot s = snapshot;
        if (s.at().plus(FRESH).isAfter(now)) {
            return s;
        }
        Map<String, PulseMetrics.Queued> byKind = new HashMap<>();
        jdbc.sql("""
                SELECT task_name,
                       SUM(CASE WHEN picked = FALSE AND execution_time <= :now THEN 1 ELSE 0 END) AS due,
                       MIN(CASE WHEN picked = FALSE AND execution_time <= :now THEN execution_time END) AS oldest,
                       SUM(CASE WHEN consecutive_failures > 0 THEN 1 ELSE 0 END) AS retrying
                  FROM scheduled_tasks
                 GROUP BY task_name""")
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query((rs, n) -> {
                    OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
                    Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
                    byKind.put(
                            rs.getString("task_name"),
                            new PulseMetrics.Queued(
                                    rs.getInt("due"),
                                    age.isNegative() ? Duration.ZERO : age,
                                    rs.getInt("retrying"),
                                    0));
                    return null;
                })
                .list();
        jdbc.sql("SELECT task_name, COUNT(*) AS parked FROM work_dead_letter GROUP BY task_name")
                .query((rs, n) -> byKind.merge(
                        rs.getString("task_name"),
                        new PulseMetrics.Queued(0, Duration.ZERO, 0, rs.getInt("parked")),
                        (queued, dead) -> new PulseMetrics.Queued(
                                queued.due(), queued.oldestDue(), queued.retrying(), dead.parked())))
                .list();
        Snapshot fresh = new Snapshot(now, Map.copyOf(byKind));
        snapshot = fresh;
        return fresh;
    }

    private record Snapshot(Instant at, Map<String, PulseMetrics.Queued> byKind) {}
}
