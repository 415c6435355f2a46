package app.trustpulse.work;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the durable work queue (prefix "pulse.work", e.g. env PULSE_WORK_THREADS).
 *
 * @param threads            workers per instance, started as work comes and ended when idle; a delivery round holds
 *                           one while its workspace's rate limit paces it, so this is also how many workspaces (or
 *                           tenants) are served at once before one's rounds wait behind another's
 * @param pollingInterval    how often an instance looks for work queued by another one
 * @param heartbeatInterval  how often a worker marks the work it holds as alive
 * @param missedHeartbeats   heartbeats missed before another instance takes the work back (4 or more)
 * @param firstRetryDelay    the wait before the first retry of failed work; it doubles with each further one
 * @param maxAttempts        tries of one piece of work, the first included, before it is parked in the dead-letter
 *                           table ({@code work_dead_letter}) for an admin to retry or drop ({@code /pulse work})
 * @param shutdownWait       how long work in flight may finish on shutdown; what is left stays queued
 */
@ConfigurationProperties("pulse.work")
public record WorkProperties(
        @DefaultValue("16") int threads,
        @DefaultValue("2s") Duration pollingInterval,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("4") int missedHeartbeats,
        @DefaultValue("5s") Duration firstRetryDelay,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("20s") Duration shutdownWait) {}
