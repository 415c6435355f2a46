package app.trustpulse.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a scale benchmark reads besides the platform's fake: the durable queue's depth and the age of its oldest due
 * work (sampled twice a second while a step runs), the database's size, the process's CPU time and its heap after a
 * collection.
 */
public final class ScaleProbe implements AutoCloseable {

    /** The deepest the queue got and the oldest due work seen, since the last {@link #reset()}. */
    public record Queue(int maxDue, Duration maxAge) {}

    private final JdbcClient jdbc;
    private final Path h2File;
    private final boolean postgres;
    private final AtomicReference<Queue> worst = new AtomicReference<>(new Queue(0, Duration.ZERO));
    private final Thread sampler;
    private volatile boolean running = true;

    /** {@code h2File}: the H2 database file, or null on PostgreSQL. */
    public ScaleProbe(JdbcClient jdbc, Path h2File) {
        this.jdbc = jdbc;
        this.h2File = h2File;
        this.postgres = h2File == null;
        sampler = new Thread(this::sample, "scale-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            try {
                Instant now = Instant.now();
                jdbc.sql("SELECT COUNT(*) AS due, MIN(execution_time) AS oldest FROM scheduled_tasks"
                                + " WHERE picked = FALSE AND execution_time <= :now")
                        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .query((rs, n) -> {
                            OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
                            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
                            int due = rs.getInt("due");
                            worst.accumulateAndGet(
                                    new Queue(due, age),
                                    (a, b) -> new Queue(
                                            Math.max(a.maxDue(), b.maxDue()),
                                            a.maxAge().compareTo(b.maxAge()) >= 0 ? a.maxAge() : b.maxAge()));
                            return null;
                        })
                        .list();
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the application is stopping
            }
        }
    }

    public Queue reset() {
        return worst.getAndSet(new Queue(0, Duration.ZERO));
    }

    /** Bytes the database takes: its file (H2) or {@code pg_database_size}. */
    public long databaseBytes() {
        if (postgres) {
            return jdbc.sql("SELECT pg_database_size(current_database())")
                    .query(Long.class)
                    .single();
        }
        try (Stream<Path> files = Files.list(h2File.getParent())) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** CPU time of this whole JVM (the application, the fake and the benchmark), in seconds. */
    public static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    /** The heap in use after a full collection, in MiB. */
    public static double heapMiB() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
    }

    /** How long posts arriving at these moments take at best at {@code perSecond}: the fluid drain of the backlog. */
    public static double floorSeconds(double[] arrivalSeconds, int[] posts, double perSecond) {
        Integer[] order = new Integer[arrivalSeconds.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(arrivalSeconds[a], arrivalSeconds[b]));
        double finish = 0;
        long after = 0;
        for (int i = order.length - 1; i >= 0; i--) {
            if (posts[order[i]] == 0) {
                continue;
            }
            after += posts[order[i]];
            finish = Math.max(finish, arrivalSeconds[order[i]] + after / perSecond);
        }
        return finish;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
