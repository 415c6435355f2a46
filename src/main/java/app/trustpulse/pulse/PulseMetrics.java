package app.trustpulse.pulse;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the service counts about its own work, for operators: by platform and kind of work, never by team or person
 * (a count per team of a handful of people could tell who answered). The use cases and adapters report here; an
 * adapter turns it into metrics, so the core needs no metrics library.
 */
public interface PulseMetrics {

    /** Kinds of nudges a leader gets. */
    enum NudgeOccasion {
        DIGEST,
        MIDWEEK
    }

    /** Kinds of work that can wait: scheduled rounds that are due, and requests handed to a worker. */
    record Waiting(int count, Duration oldest) {
        public static final Waiting NONE = new Waiting(0, Duration.ZERO);
    }

    void checkInSent(Platform platform);

    void reminderSent(Platform platform);

    void answersRecorded(Platform platform, int answers);

    void pulsePosted(Platform platform, int withheldDimensions);

    void digestSent(Platform platform);

    void nudgesSent(Platform platform, NudgeOccasion occasion, int nudges);

    void nudgeReaction(Platform platform, boolean tried);

    /** A message that could not be delivered, after the adapter's own retries. */
    void deliveryFailed(Platform platform);

    /** One more try of a call to the platform, after a failure. */
    void deliveryRetried(Platform platform);

    /** A wait the platform asked for (HTTP 429, Retry-After). */
    void rateLimitWait(Platform platform, Duration wait);

    void weekClosed(Platform platform, Duration took);

    /** A scheduled week close that came too late (the service was down past the day) and was skipped. */
    void weekCloseMissed(Platform platform);

    /** Reports, whenever asked, how much work of a kind is waiting on a platform and how old the oldest is. */
    void watchWaiting(Platform platform, String work, Supplier<Waiting> probe);

    /**
     * The durable queue's work of one kind: how much is due and not picked by any instance, how long the oldest of
     * it has been due, how much failed at its last try and waits for a retry, and how much failed all of its tries
     * and is parked for an admin (dead letters).
     */
    record Queued(int due, Duration oldestDue, int retrying, int parked) {
        public static final Queued NONE = new Queued(0, Duration.ZERO, 0, 0);
    }

    /** Reports, whenever asked, the durable queue's work of a kind. */
    void watchQueue(String work, Supplier<Queued> probe);

    /** Reports, whenever asked, whether the service can reach a platform's API. */
    void watchConnection(Platform platform, BooleanSupplier connected);

    /** Counts nothing: for tools and tests that run use cases without a metrics registry. */
    PulseMetrics NONE = new PulseMetrics() {
        public void checkInSent(Platform platform) {}

        public void reminderSent(Platform platform) {}

        public void answersRecorded(Platform platform, int answers) {}

        public void pulsePosted(Platform platform, int withheldDimensions) {}

        public void digestSent(Platform platform) {}

        public void nudgesSent(Platform platform, NudgeOccasion occasion, int nudges) {}

        public void nudgeReaction(Platform platform, boolean tried) {}

        public void deliveryFailed(Platform platform) {}

        public void deliveryRetried(Platform platform) {}

        public void rateLimitWait(Platform platform, Duration wait) {}

        public void weekClosed(Platform platform, Duration took) {}

        public void weekCloseMissed(Platform platform) {}

        public void watchWaiting(Platform platform, String work, Supplier<Waiting> probe) {}

        public void watchQueue(String work, Supplier<Queued> probe) {}

        public void watchConnection(Platform platform, BooleanSupplier connected) {}
    };
}
