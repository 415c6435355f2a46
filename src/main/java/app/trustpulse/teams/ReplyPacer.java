package app.trustpulse.teams;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out the moments at which the next replies to a conversation may go, within Teams' limits per conversation
 * (7 in 1 s, 8 in 2 s, 60 in 30 s, 1800 in an hour, or this instance's share of them). A reply is queued for that
 * moment instead of holding a worker until the conversation may take it, so a member who sends a hundred messages
 * delays only their own replies. Each instance plans what it queues; {@link SendPacer} still paces the actual
 * sends, and 429 with Retry-After covers what two instances plan for one conversation at the same moment.
 */
final class ReplyPacer {

    private final List<SendPacer.Limit> limits;
    private final Clock clock;
    private final Map<String, List<Long>> planned = new ConcurrentHashMap<>();

    ReplyPacer(List<SendPacer.Limit> perConversation, Clock clock) {
        this.limits = perConversation;
        this.clock = clock;
    }

    /** Reserves {@code count} replies in a row to the conversation; the moment the first may go. */
    Instant reserve(String tenantId, String conversationId, int count) {
        long now = clock.millis();
        if (planned.size() > 50_000) {
            forgetPast(now);
        }
        long[] first = new long[1];
        planned.compute(tenantId + '/' + conversationId, (k, slots) -> {
            List<Long> s = slots == null ? new ArrayList<>() : slots;
            long longest = limits.get(limits.size() - 1).window().toMillis();
            int expired = 0;
            while (expired < s.size() && s.get(expired) <= now - longest) {
                expired++;
            }
            s.subList(0, expired).clear();
            for (int i = 0; i < Math.max(1, count); i++) {
                long at = SendPacer.earliest(s, limits, now);
                s.add(at);
                if (i == 0) {
                    first[0] = at;
                }
            }
            return s;
        });
        return Instant.ofEpochMilli(first[0]);
    }

    private void forgetPast(long now) {
        long longest = limits.get(limits.size() - 1).window().toMillis();
        planned.values().removeIf(s -> s.isEmpty() || s.get(s.size() - 1) <= now - longest);
    }
}
