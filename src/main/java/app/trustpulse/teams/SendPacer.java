package app.trustpulse.teams;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps sends within the limits Teams publishes for a bot: per conversation 7 in 1 s, 8 in 2 s, 60 in 30 s and
 * 1800 in an hour, and per tenant 30 in 1 s (the lower of the published figures). A caller over a limit waits.
 */
class SendPacer {

    record Limit(int count, Duration window) {
    }

    static final List<Limit> PER_CONVERSATION = List.of(
            new Limit(7, Duration.ofSeconds(1)), new Limit(8, Duration.ofSeconds(2)),
            new Limit(60, Duration.ofSeconds(30)), new Limit(1800, Duration.ofHours(1)));

    static final List<Limit> PER_TENANT = List.of(new Limit(30, Duration.ofSeconds(1)));

    /** Waits; the real one sleeps, tests pass one that moves a clock. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Deque<Long>> byConversation = new HashMap<>();
    private final Map<String, Deque<Long>> byTenant = new HashMap<>();

    SendPacer(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Blocks until one more send to the conversation stays within every limit, and counts it. */
    void acquire(String tenantId, String conversationId) {
        while (true) {
            long wait;
            synchronized (this) {
                long now = clock.millis();
                Deque<Long> conversation = byConversation.computeIfAbsent(conversationId, k -> new ArrayDeque<>());
                Deque<Long> tenant = byTenant.computeIfAbsent(tenantId == null ? "" : tenantId, k -> new ArrayDeque<>());
                wait = Math.max(waitFor(conversation, PER_CONVERSATION, now), waitFor(tenant, PER_TENANT, now));
                if (wait <= 0) {
                    conversation.addLast(now);
                    tenant.addLast(now);
                    return;
                }
            }
            try {
                sleeper.sleep(Duration.ofMillis(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing sends", e);
            }
        }
    }

    /** Milliseconds until one more send fits every limit; 0 or less when it fits now. Drops expired entries. */
    private static long waitFor(Deque<Long> sent, List<Limit> limits, long now) {
        long longest = limits.get(limits.size() - 1).window().toMillis();
        while (!sent.isEmpty() && sent.peekFirst() <= now - longest) {
            sent.pollFirst();
        }
        long wait = 0;
        for (Limit limit : limits) {
            long windowStart = now - limit.window().toMillis();
            int inWindow = 0;
            var it = sent.descendingIterator();
            while (it.hasNext() && it.next() > windowStart) {
                inWindow++;
            }
            if (inWindow >= limit.count()) {
                // the send that must leave the window first is the count-th newest one
                long blocking = nthNewest(sent, limit.count());
                wait = Math.max(wait, blocking + limit.window().toMillis() - now);
            }
        }
        return wait;
    }

    private static long nthNewest(Deque<Long> sent, int n) {
        var it = sent.descendingIterator();
        long t = 0;
        for (int i = 0; i < n && it.hasNext(); i++) {
            t = it.next();
        }
        return t;
    }
}
