package app.trustpulse.teams;

import app.trustpulse.chat.ProcessedEvents;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers handled deliveries in memory, for tests of the adapter without the core's store. */
final class MemoryProcessedEvents implements ProcessedEvents {

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    @Override
    public boolean firstTime(String key, Instant now) {
        return seen.putIfAbsent(key, now) == null;
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        int before = seen.size();
        seen.values().removeIf(t -> t.isBefore(cutoff));
        return before - seen.size();
    }
}
