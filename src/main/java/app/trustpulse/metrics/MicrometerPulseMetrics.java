package app.trustpulse.metrics;

import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@link PulseMetrics} as Micrometer meters, all named {@code trustpulse.*} and tagged by platform (and kind), never
 * by team or person. Every counter exists from the start at zero, so that rates and alerts work before the first
 * event. Gauges hold their probes strongly: Micrometer's default weak reference lets a probe that nothing else
 * holds (a lambda) be collected, and the gauge then reads NaN.
 */
final class MicrometerPulseMetrics implements PulseMetrics {

    private final MeterRegistry registry;

    MicrometerPulseMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Platform platform : Platform.values()) {
            for (String name : new String[] {
                "trustpulse.checkins.sent",
                "trustpulse.reminders.sent",
                "trustpulse.answers.recorded",
                "trustpulse.pulses.posted",
                "trustpulse.pulse.dimensions.withheld",
                "trustpulse.digests.sent",
                "trustpulse.deliveries.failed",
                "trustpulse.deliveries.retried",
                "trustpulse.week.close.missed"
            }) {
                counter(name, platform);
            }
            for (NudgeOccasion occasion : NudgeOccasion.values()) {
                nudgesCounter(platform, occasion);
            }
            reactionCounter(platform, true);
            reactionCounter(platform, false);
            rateLimitTimer(platform);
            weekCloseTimer(platform);
        }
    }

    @Override
    public void checkInSent(Platform platform) {
        counter("trustpulse.checkins.sent", platform).increment();
    }

    @Override
    public void reminderSent(Platform platform) {
        counter("trustpulse.reminders.sent", platform).increment();
    }

    @Override
    public void answersRecorded(Platform platform, int answers) {
        counter("trustpulse.answers.recorded", platform).increment(answers);
    }

    @Override
    public void pulsePosted(Platform platform, int withheldDimensions) {
        counter("trustpulse.pulses.posted", platform).increment();
        counter("trustpulse.pulse.dimensions.withheld", platform).increment(withheldDimensions);
    }

    @Override
    public void digestSent(Platform platform) {
        counter("trustpulse.digests.sent", platform).increment();
    }

    @Override
    public void nudgesSent(Platform platform, NudgeOccasion occasion, int nudges) {
        nudgesCounter(platform, occasion).increment(nudges);
    }

    @Override
    public void nudgeReaction(Platform platform, boolean tried) {
        reactionCounter(platform, tried).increment();
    }

    @Override
    public void deliveryFailed(Platform platform) {
        counter("trustpulse.deliveries.failed", platform).increment();
    }

    @Override
    public void deliveryRetried(Platform platform) {
        counter("trustpulse.deliveries.retried", platform).increment();
    }

    @Override
    public void rateLimitWait(Platform platform, Duration wait) {
        rateLimitTimer(platform).record(wait);
    }

    @Override
    public void weekClosed(Platform platform, Duration took) {
        weekCloseTimer(platform).record(took);
    }

    @Override
    public void weekCloseMissed(Platform platform) {
        counter("trustpulse.week.close.missed", platform).increment();
    }

    @Override
    public void watchWaiting(Platform platform, String work, Supplier<Waiting> probe) {
        Tags tags = Tags.of("platform", platform.code(), "work", work);
        Gauge.builder("trustpulse.work.waiting", probe, p -> p.get().count())
                .description("Work that is due and has not started yet")
                .tags(tags)
                .strongReference(true)
                .register(registry);
        Gauge.builder(
                        "trustpulse.work.waiting.oldest",
                        probe,
                        p -> p.get().oldest().toMillis() / 1000.0)
                .description("Age of the oldest waiting work")
                .baseUnit("seconds")
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }

    @Override
    public void watchQueue(String work, Supplier<Queued> probe) {
        Tags tags = Tags.of("work", work);
        Gauge.builder("trustpulse.queue.due", probe, p -> p.get().due())
                .description("Queued work that is due and no instance has picked yet")
                .tags(tags)
                .strongReference(true)
                .register(registry);
        Gauge.builder(
                        "trustpulse.queue.due.oldest",
                        probe,
                        p -> p.get().oldestDue().toMillis() / 1000.0)
                .description("How long the oldest due, unpicked queued work has waited")
                .baseUnit("seconds")
                .tags(tags)
                .strongReference(true)
                .register(registry);
        Gauge.builder("trustpulse.queue.retrying", probe, p -> p.get().retrying())
                .description("Queued work that failed at its last try and waits for a retry")
                .tags(tags)
                .strongReference(true)
                .register(registry);
        Gauge.builder("trustpulse.queue.dead.letter", probe, p -> p.get().parked())
                .description("Work that failed all of its tries and waits for an admin (/pulse work)")
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }

    @Override
    public void watchConnection(Platform platform, BooleanSupplier connected) {
        Gauge.builder("trustpulse.platform.connected", connected, c -> c.getAsBoolean() ? 1 : 0)
                .description("1 while the service can reach the platform's API, 0 while it runs degraded without it")
                .tag("platform", platform.code())
                .strongReference(true)
                .register(registry);
    }

    private Counter counter(String name, Platform platform) {
        return Counter.builder(name).tag("platform", platform.code()).register(registry);
    }

    private Counter nudgesCounter(Platform platform, NudgeOccasion occasion) {
        return Counter.builder("trustpulse.nudges.sent")
                .tag("platform", platform.code())
                .tag("occasion", occasion.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    private Counter reactionCounter(Platform platform, boolean tried) {
        return Counter.builder("trustpulse.nudge.reactions")
                .tag("platform", platform.code())
                .tag("reaction", tried ? "tried" : "not_yet")
                .register(registry);
    }

    private Timer rateLimitTimer(Platform platform) {
        return Timer.builder("trustpulse.rate.limit.waits")
                .description("Waits the platform asked for (HTTP 429)")
                .tag("platform", platform.code())
                .register(registry);
    }

    private Timer weekCloseTimer(Platform platform) {
        return Timer.builder("trustpulse.week.close")
                .description("How long closing a team's week took")
                .tag("platform", platform.code())
                .register(registry);
    }
}
