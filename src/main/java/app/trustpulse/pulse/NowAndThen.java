package app.trustpulse.pulse;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one caller through at most once per interval: for a cache that looks over its entries as it is used, on
 * whichever thread comes when it is time, instead of on a thread of its own. Times are longs in one unit chosen by the
 * user (nanoseconds of {@link System#nanoTime()}, milliseconds of a {@link java.time.Clock}), compared by difference
 * so the monotonic clock's wrap-around does no harm. A time before the last pass (a clock set back) lets the next
 * caller through too, so a cache is never left unswept for longer than the clock was moved.
 */
public final class NowAndThen {

    private final long interval;
    private final AtomicLong last;

    /** {@code interval} and {@code now} in the same unit as every later time. */
    public NowAndThen(long interval, long now) {
        if (interval < 0) {
            throw new IllegalArgumentException("the interval must not be negative");
        }
        this.interval = interval;
        this.last = new AtomicLong(now);
    }

    /** True for one caller once more than the interval has passed since the last pass, which is then now. */
    public boolean due(long now) {
        long previous = last.get();
        long since = now - previous;
        return (since > interval || since < 0) && last.compareAndSet(previous, now);
    }

    /** Counts a pass made now some other way (a sweep asked for directly), so the next is an interval away. */
    public void passed(long now) {
        last.set(now);
    }
}
