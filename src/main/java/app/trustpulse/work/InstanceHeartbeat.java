package app.trustpulse.work;

import app.trustpulse.pulse.Liveness;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * This instance's heartbeat in {@code live_instance}, at the pace of the durable work's own heartbeats and judged by
 * the same number of missed ones, so a claim of an instance that died ends when its work is taken back. It beats from
 * before the first piece of work starts until after the last one stopped.
 */
public final class InstanceHeartbeat implements Liveness, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceHeartbeat.class);
    /** Rows of instances gone this long are deleted when an instance starts; until then they only take room. */
    private static final Duration FORGET_AFTER = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final String name;
    private final Duration interval;
    private final Duration deadAfter;
    private ScheduledExecutorService beats;
    private volatile Instant lastBeat;

    public InstanceHeartbeat(JdbcClient jdbc, WorkProperties props) {
        this.jdbc = jdbc;
        this.name = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.interval = props.heartbeatInterval();
        this.deadAfter = props.heartbeatInterval().multipliedBy(props.missedHeartbeats());
    }

    @Override
    public String instance() {
        return name;
    }

    @Override
    public Duration deadAfter() {
        return deadAfter;
    }

    /** In the system's time, as the heartbeats are written in it (see {@link #beat()}). */
    @Override
    public Instant deadBefore() {
        return Instant.now().minus(deadAfter());
    }

    @Override
    public synchronized void start() {
        if (beats != null) {
            return;
        }
        jdbc.sql("DELETE FROM live_instance WHERE beat_at < :before")
                .param("before", utc(Instant.now().minus(FORGET_AFTER)))
                .update();
        // The first beat before anything can claim: an instance is never found dead before it beat once.
        beat();
        beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "instance-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beats.scheduleAtFixedRate(this::beatQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The row is kept at a stop: work that did not finish within the shutdown wait stays claimed until the row is
     * stale, as after a kill, rather than being taken back while this JVM may still be finishing it.
     */
    @Override
    public synchronized void stop() {
        if (beats != null) {
            beats.shutdownNow();
            beats = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return beats != null;
    }

    /** Started before, and stopped after, the durable work, Quartz and the web server. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            LOG.warn(
                    "heartbeat of instance {} not written; after {} without one, its claims are taken back",
                    name,
                    deadAfter,
                    e);
        }
    }

    private void beat() {
        Instant now = Instant.now();
        int updated = jdbc.sql("UPDATE live_instance SET beat_at = :now WHERE name = :name")
                .param("now", utc(now))
                .param("name", name)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO live_instance (name, beat_at) VALUES (:name, :now)")
                    .param("name", name)
                    .param("now", utc(now))
                    .update();
        }
        Instant previous = lastBeat;
        if (previous != null && Duration.between(previous, now).compareTo(deadAfter) > 0) {
            LOG.warn(
                    "instance {} went {} without a heartbeat (a pause, or the database out of reach): other instances "
                            + "may have taken back its claims and its work",
                    name,
                    Duration.between(previous, now));
        }
        lastBeat = now;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "instance";
        }
    }
}
