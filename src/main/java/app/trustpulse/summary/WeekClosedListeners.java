package app.trustpulse.summary;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands {@link WeekClosed} to its listeners, in this process, one after the other. It is no message broker: what
 * makes the event durable is that every listener records what it did, and that a week whose listeners did not all
 * finish is handed out again (see {@link ClosingWeeks#finishUnfinished()}). One listener failing does not keep the
 * event from the others; the first failure is thrown once all were called, so the close is reported as not done.
 */
final class WeekClosedListeners {

    private static final Logger LOG = LoggerFactory.getLogger(WeekClosedListeners.class);

    private final List<WeekClosed.Listener> listeners;

    WeekClosedListeners(List<WeekClosed.Listener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void publish(WeekClosed event) {
        RuntimeException first = null;
        for (WeekClosed.Listener listener : listeners) {
            try {
                listener.weekClosed(event);
            } catch (RuntimeException e) {
                LOG.warn(
                        "{} did not finish week {} of team {}; handed out again later",
                        listener.getClass().getSimpleName(),
                        event.week(),
                        event.teamId(),
                        e);
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
