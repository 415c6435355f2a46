package app.trustpulse.work;

import app.trustpulse.pulse.ParkedWork;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead-letter table, {@code work_dead_letter}: work moves here from {@code scheduled_tasks} after its last try,
 * and back from here when an admin retries it. Its data moves as the bytes it is stored as, row to row in SQL, so
 * it is never decoded, whatever the queue's serializer does to it.
 */
final class DeadLetters implements ParkedWork {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeadLetters(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Moves the queue row (as it still is at {@code version}, held by this worker) here in one transaction; false
     * when the row had changed or gone. Work of the same key parked before is replaced: it is the same work.
     */
    boolean park(String kind, String key, long version, int attempts, String failure) {
        Boolean parked = tx.execute(status -> {
            jdbc.sql("DELETE FROM work_dead_letter WHERE task_name = :kind AND task_instance = :key")
                    .param("kind", kind)
                    .param("key", key)
                    .update();
            int copied = jdbc.sql("""
                    INSERT INTO work_dead_letter (task_name, task_instance, task_data, priority, attempts,
                        failure, parked_at)
                    SELECT task_name, task_instance, task_data, priority, :attempts, :failure, :now
                      FROM scheduled_tasks
                     WHERE task_name = :kind AND task_instance = :key AND version = :version""")
                    .param("kind", kind)
                    .param("key", key)
                    .param("version", version)
                    .param("attempts", attempts)
                    .param("failure", failure)
                    .param("now", utc(clock.instant()))
                    .update();
            int removed = jdbc.sql(
                            "DELETE FROM scheduled_tasks WHERE task_name = :kind AND task_instance = :key AND version = :version")
                    .param("kind", kind)
                    .param("key", key)
                    .param("version", version)
                    .update();
            if (copied != 1 || removed != 1) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        });
        return Boolean.TRUE.equals(parked);
    }

    @Override
    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM work_dead_letter")
                .query(Integer.class)
                .single();
    }

    @Override
    public List<Parked> list(int max) {
        return jdbc.sql(
                        "SELECT id, task_name, attempts, parked_at, failure FROM work_dead_letter ORDER BY parked_at, id LIMIT :max")
                .param("max", max)
                .query((rs, n) -> new Parked(
                        rs.getLong("id"),
                        rs.getString("task_name"),
                        rs.getInt("attempts"),
                        rs.getObject("parked_at", OffsetDateTime.class).toInstant(),
                        rs.getString("failure")))
                .list();
    }

    @Override
    public Retried retry(long id) {
        return tx.execute(status -> {
            if (jdbc.sql("SELECT COUNT(*) FROM work_dead_letter WHERE id = :id")
                            .param("id", id)
                            .query(Integer.class)
                            .single()
                    == 0) {
                return Retried.NOT_FOUND;
            }
            return requeue(id) ? Retried.RETRIED : Retried.ALREADY_QUEUED;
        });
    }

    @Override
    public int retryAll() {
        Integer retried = tx.execute(status -> {
            int n = 0;
            for (long id : jdbc.sql("SELECT id FROM work_dead_letter ORDER BY id")
                    .query(Long.class)
                    .list()) {
                n += requeue(id) ? 1 : 0;
            }
            return n;
        });
        return retried == null ? 0 : retried;
    }

    /**
     * Due now, unpicked, with no failures behind it; refused while the same key is queued again (new work under the
     * same key, which the queue would refuse too).
     */
    private boolean requeue(long id) {
        int inserted =
                jdbc.sql("""
                INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,
                    consecutive_failures,
                                             version, priority)
                SELECT d.task_name, d.task_instance, d.task_data, :now, FALSE, 0, 1, d.priority
                  FROM work_dead_letter d
                 WHERE d.id = :id
                   AND NOT EXISTS (SELECT 1 FROM scheduled_tasks s
                                    WHERE s.task_name = d.task_name AND s.task_instance = d.task_instance)""").param("id", id).param("now", utc(clock.instant())).update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM work_dead_letter WHERE id = :id").param("id", id).update();
        return true;
    }

    @Override
    public boolean drop(long id) {
        return jdbc.sql("DELETE FROM work_dead_letter WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    @Override
    public int dropAll() {
        return jdbc.sql("DELETE FROM work_dead_letter").update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
