package app.trustpulse.support;

import app.trustpulse.chat.ProcessedEvents;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stands in for the core's ProcessedEvents in the adapters' own tests. */
public final class InMemoryProcessedEvents implements ProcessedEvents {

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    @Override
    public boolean firstTime(String key, Instant now) {
        return seen.putIfAbsent(key, now) == null;
    }

    @Override
    public boolean seen(String key) {
        return seen.containsKey(key);
    }
}
