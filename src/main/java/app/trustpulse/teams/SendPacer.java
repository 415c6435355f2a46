package app.trustpulse.teams;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps calls within the limits Teams publishes for a bot: per conversation 7 in 1 s, 8 in 2 s, 60 in 30 s and
 * 1800 in an hour (every call, as Teams counts them per thread); per tenant 30 posts in 1 s and 50 requests of any
 * kind in 1 s. Opening a 1:1 chat or reading a roster is a request, not a post, so a welcome to someone new costs
 * one post of the 30 a second. With several instances each takes its share of every limit. A caller over a limit
 * waits.
 */
class SendPacer {

    record Limit(int count, Duration window) {

        Limit shared(double share) {
            return new Limit(Math.max(1, (int) Math.floor(count * share + 1e-9)), window);
        }
    }

    static final List<Limit> PER_CONVERSATION = List.of(
            new Limit(7, Duration.ofSeconds(1)), new Limit(8, Duration.ofSeconds(2)),
            new Limit(60, Duration.ofSeconds(30)), new Limit(1800, Duration.ofHours(1)));

    static final List<Limit> POSTS_PER_TENANT = List.of(new Limit(30, Duration.ofSeconds(1)));

    static final List<Limit> REQUESTS_PER_TENANT = List.of(new Limit(50, Duration.ofSeconds(1)));

    /** A post (a message, a reply, an update) or any other request (a read, opening a chat). */
    enum Kind {
        POST,
        REQUEST
    }

    /** Waits; the real one sleeps, tests pass one that moves a clock. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final List<Limit> perConversation;
    private final List<Limit> postsPerTenant;
    private final List<Limit> requestsPerTenant;
    private final Map<String, List<Long>> byConversation = new HashMap<>();
    private final Map<String, List<Long>> postsByTenant = new HashMap<>();
    private final Map<String, List<Long>> requestsByTenant = new HashMap<>();

    SendPacer(Clock clock, Sleeper sleeper) {
        this(clock, sleeper, 1.0);
    }

    /** {@code share}: the part of Teams' limits this instance keeps to, 1 alone, 1/N beside N−1 others. */
    SendPacer(Clock clock, Sleeper sleeper, double share) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.perConversation = shared(PER_CONVERSATION, share);
        this.postsPerTenant = shared(POSTS_PER_TENANT, share);
        this.requestsPerTenant = shared(REQUESTS_PER_TENANT, share);
    }

    static List<Limit> shared(List<Limit> limits, double share) {
        return limits.stream().map(l -> l.shared(share)).toList();
    }

    List<Limit> perConversation() {
        return perConversation;
    }

    /**
     * A counted call. Its time is first the moment it was let through, then, once {@link #done()}, the moment its
     * answer came: the connector saw the request between the two, so counting from the answer keeps the next call's
     * window clear of it however long the request took on the way.
     */
    final class Slot {

        private final List<List<Long>> counted;
        private final long at;

        private Slot(List<List<Long>> counted, long at) {
            this.counted = counted;
            this.at = at;
        }

        void done() {
            synchronized (SendPacer.this) {
                long now = Math.max(at, clock.millis());
                for (List<Long> entries : counted) {
                    int i = java.util.Collections.binarySearch(entries, at);
                    if (i >= 0) {
                        entries.remove(i);
                        insert(entries, now);
                    }
                }
            }
        }
    }

    /** Blocks until one more post to the conversation stays within every limit, and counts it. */
    Slot acquire(String tenantId, String conversationId) {
        return acquire(Kind.POST, tenantId, conversationId);
    }

    /** Blocks until one more call of the kind stays within every limit, and counts it. */
    Slot acquire(Kind kind, String tenantId, String conversationId) {
        String tenant = tenantId == null ? "" : tenantId;
        while (true) {
            long wait;
            synchronized (this) {
                long now = clock.millis();
                List<Long> conversation = byConversation.computeIfAbsent(conversationId, k -> new ArrayList<>());
                List<Long> requests = requestsByTenant.computeIfAbsent(tenant, k -> new ArrayList<>());
                List<Long> posts =
                        kind == Kind.POST ? postsByTenant.computeIfAbsent(tenant, k -> new ArrayList<>()) : null;
                wait = Math.max(waitFor(conversation, perConversation, now), waitFor(requests, requestsPerTenant, now));
                if (posts != null) {
                    wait = Math.max(wait, waitFor(posts, postsPerTenant, now));
                }
                if (wait <= 0) {
                    List<List<Long>> counted =
                            posts == null ? List.of(conversation, requests) : List.of(conversation, requests, posts);
                    counted.forEach(entries -> insert(entries, now));
                    if (byConversation.size() > 50_000) {
                        forgetIdle(now);
                    }
                    return new Slot(counted, now);
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

    private static void insert(List<Long> entries, long at) {
        int i = java.util.Collections.binarySearch(entries, at);
        entries.add(i >= 0 ? i + 1 : -i - 1, at);
    }

    /** Drops conversations with nothing in their longest window, so the map does not grow without end. */
    private void forgetIdle(long now) {
        long longest = perConversation.get(perConversation.size() - 1).window().toMillis();
        byConversation.values().removeIf(sent -> sent.isEmpty() || sent.get(sent.size() - 1) <= now - longest);
    }

    /** Milliseconds until one more call fits every limit; 0 or less when it fits now. Drops expired entries. */
    private static long waitFor(List<Long> sent, List<Limit> limits, long now) {
        long longest = limits.get(limits.size() - 1).window().toMillis();
        int expired = 0;
        while (expired < sent.size() && sent.get(expired) <= now - longest) {
            expired++;
        }
        if (expired > 0) {
            sent.subList(0, expired).clear();
        }
        return earliest(sent, limits, now) - now;
    }

    /**
     * The earliest moment, not before {@code from} nor before the last entry, at which one more entry keeps every
     * limit: for each limit of n in a window, the n-th newest entry must have left the window. The entries are in
     * order.
     */
    static long earliest(List<Long> entries, List<Limit> limits, long from) {
        long at = entries.isEmpty() ? from : Math.max(from, entries.get(entries.size() - 1));
        for (Limit limit : limits) {
            if (entries.size() >= limit.count()) {
                at = Math.max(
                        at,
                        entries.get(entries.size() - limit.count())
                                + limit.window().toMillis());
            }
        }
        return at;
    }
}
