package app.trustpulse.chat;

import java.time.Instant;

/**
 * Remembers which platform deliveries (Slack event ids, Teams activity ids, button clicks) were handled,
 * across instances, so a retried or doubled delivery is processed once.
 */
public interface ProcessedEvents {

    /** True the first time a key is seen; false for every later delivery of it. Old keys go with the retention. */
    boolean firstTime(String key, Instant now);

    /** Whether the key was seen (and not yet dropped with the retention); marks nothing. */
    boolean seen(String key);
}
