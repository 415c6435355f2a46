package app.trustpulse.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A clock for benchmarks that compress time: it runs {@code speed} times as fast as real time from the moment it was
 * last set, and can jump ahead (from one step of a week to the next). Given to the application as its primary clock
 * by {@link #initializer()}.
 */
public final class ScaledClock extends Clock {

    private final double speed;
    private volatile Instant anchor;
    private volatile long anchorNanos;

    public ScaledClock(double speed, Instant start) {
        this.speed = speed;
        set(start);
    }

    public double speed() {
        return speed;
    }

    /** From now on the clock reads {@code at}, and runs on from there at its speed. */
    public synchronized void set(Instant at) {
        anchorNanos = System.nanoTime();
        anchor = at;
    }

    /** How much real time a stretch of this clock's time takes. */
    public Duration real(Duration scaled) {
        return Duration.ofNanos((long) (scaled.toNanos() / speed));
    }

    @Override
    public synchronized Instant instant() {
        return anchor.plusNanos((long) ((System.nanoTime() - anchorNanos) * speed));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a benchmark's clock stays in UTC");
    }

    /** Registers this clock as the application's primary {@link Clock}. */
    public ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
        return ctx -> ((GenericApplicationContext) ctx)
                .registerBean("scaledBenchmarkClock", Clock.class, () -> this, bd -> bd.setPrimary(true));
    }
}
