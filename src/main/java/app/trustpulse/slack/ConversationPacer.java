package app.trustpulse.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out the moments at which the next post to a conversation may go: Slack takes about one message per second
 * per conversation. Work for a busy conversation is queued for later instead of holding a worker, so a member who
 * sends a hundred DMs delays only their own replies. Each instance paces what it queues; Slack's 429 with
 * Retry-After covers what two instances queue for one conversation at the same moment.
 */
final class ConversationPacer {

    private final Duration spacing;
    private final Clock clock;
    private final Map<String, Instant> next = new ConcurrentHashMap<>();

    ConversationPacer(Duration spacing, Clock clock) {
        this.spacing = spacing;
        this.clock = clock;
    }

    Instant reserve(String workspaceId, String conversation) {
        Instant now = clock.instant();
        if (next.size() > 50_000) {
            forgetPast(now);
        }
        Instant[] slot = new Instant[1];
        next.compute(workspaceId + '/' + conversation, (k, free) -> {
            slot[0] = free == null || free.isBefore(now) ? now : free;
            return slot[0].plus(spacing);
        });
        return slot[0];
    }

    private void forgetPast(Instant now) {
        for (Iterator<Instant> it = next.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(now)) {
                it.remove();
            }
        }
    }
}
