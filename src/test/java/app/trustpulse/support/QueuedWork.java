package app.trustpulse.support;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits until the durable work queue holds nothing due: every acknowledged request has been handled. Work planned for
 * later (a send-now's safety net, due once its instance would count as dead) does not count until it is due.
 */
public final class QueuedWork {

    private QueuedWork() {}

    public static void awaitDone(JdbcClient jdbc) {
        awaitDone(jdbc, Duration.ofSeconds(20));
    }

    public static void awaitDone(JdbcClient jdbc, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (pending(jdbc) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("work still queued after " + max + ": "
                        + jdbc.sql(
                                        "SELECT task_name || ' ' || task_instance FROM scheduled_tasks WHERE picked OR execution_time <= CURRENT_TIMESTAMP")
                                .query(String.class)
                                .list());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static long pending(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE picked OR execution_time <= CURRENT_TIMESTAMP")
                .query(Long.class)
                .single();
    }
}
