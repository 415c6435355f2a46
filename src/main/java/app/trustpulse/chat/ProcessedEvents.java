package app.trustpulse.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers which platform deliveries (Slack event ids, Teams activity ids, button clicks) were handled,
 * across instances, so a retried or doubled delivery is processed once.
 */
public interface ProcessedEvents {

    /** True the first time a key is seen; false for every later delivery of it. Old keys go with the retention. */
    boolean firstTime(String key, Instant now);

    /**
     * {@link #firstTime} for each key in turn, in one go where the store can (a key twice in the list is first at most
     * once); the answers in the keys' order.
     */
    default List<Boolean> firstTimes(List<String> keys, Instant now) {
        List<Boolean> first = new ArrayList<>(keys.size());
        for (String key : keys) {
            first.add(firstTime(key, now));
        }
        return first;
    }
}
