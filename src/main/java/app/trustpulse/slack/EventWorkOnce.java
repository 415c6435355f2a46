package app.trustpulse.slack;

import app.trustpulse.chat.ProcessedEvents;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes the work of an event acknowledged without a "seen" mark (a DM, someone joining or leaving a channel, the Home
 * tab opened: see {@link EventDeduplication}) run once, however often Slack delivers the event. While the work is
 * queued, its key (the event's id) keeps a redelivery out of the queue. Once it is done, the work marks the event;
 * a redelivery queued after that finds the mark and does nothing. The mark comes after the work, so a run cut short
 * (a kill -9) leaves none and is run again, as all queued work is.
 *
 * <p>The mark has the name the door's mark had before such events went without one, so an event acknowledged by an
 * instance that still marks at the door is not worked on twice either.
 */
final class EventWorkOnce {

    /** The queue key of such an event's work: set apart from the keys of events marked at the door. */
    static final String PREFIX = "event-once:";

    private final Supplier<ProcessedEvents> processed;
    private final Clock clock;

    EventWorkOnce(Supplier<ProcessedEvents> processed, Clock clock) {
        this.processed = processed;
        this.clock = clock;
    }

    /** The queue key of the work of the event with this id. */
    static String key(String eventId) {
        return PREFIX + eventId;
    }

    /**
     * The key the work goes by inside: {@code event:} and the event's id, as for events marked at the door, so what
     * the work derives from it (the answer's id, a roster change's key) is the same for every delivery of the event,
     * however it was acknowledged. Keys of other work are returned as they are.
     */
    static String workedAs(String workKey) {
        return workKey.startsWith(PREFIX) ? "event:" + workKey.substring(PREFIX.length()) : workKey;
    }

    /** Whether the work under this key was done before: a redelivered event's, whose first work is done. */
    boolean doneBefore(String workKey) {
        return mark(workKey).map(m -> processed.get().seen(m)).orElse(false);
    }

    /** Marks the work under this key done; keys of other work are left alone. */
    void done(String workKey) {
        mark(workKey).ifPresent(m -> processed.get().firstTime(m, clock.instant()));
    }

    private static Optional<String> mark(String workKey) {
        return workKey.startsWith(PREFIX)
                ? Optional.of(EventDeduplication.EVENT_MARK + workKey.substring(PREFIX.length()))
                : Optional.empty();
    }
}
