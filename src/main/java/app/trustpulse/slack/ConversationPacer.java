package app.trustpulse.slack;

import app.trustpulse.pulse.NowAndThen;
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
 * Retry-After covers what two instances queue for one conversation at the same moment. A conversation whose moment
 * has passed is let go (looked over at most once a minute), so the memory holds the conversations with replies
 * waiting, not every conversation ever replied to.
 */
final class ConversationPacer {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Duration spacing;
    private final Clock clock;
    private final Map<String, Instant> next = new ConcurrentHashMap<>();
    private final NowAndThen sweeps;

    ConversationPacer(Duration spacing, Clock clock) {
        this.spacing = spacing;
        this.clock = clock;
        this.sweeps = new NowAndThen(SWEEP_EVERY.toMillis(), clock.millis());
    }

    /** How many conversations are held. */
    int held() {
        return next.size();
    }

    Instant reserve(String workspaceId, String conversation) {
        Instant now = clock.instant();
        if (sweeps.due(now.toEpochMilli()) || next.size() > 50_000) {
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
