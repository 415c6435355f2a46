package app.trustpulse.slack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Spaces the posts to one workspace at its share of Slack's workspace-wide limit for {@code chat.postMessage} (600 a
 * minute, times {@link SlackProperties#pace()}). The SDK paces posts per conversation only, so many rounds in one
 * workspace at once (a thousand teams) would otherwise send faster than Slack takes, and each would wait out a 429 and
 * send again; here each post waits for its own moment instead, and the workspace's limit is used without being
 * overrun.
 */
final class WorkspacePostPace {

    static final int POSTS_PER_MINUTE = 600;

    private final long spacingNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Long> nextFree = new ConcurrentHashMap<>();

    WorkspacePostPace(double share, LongSupplier nanoTime) {
        this.spacingNanos = (long) (60e9 / Math.max(1, POSTS_PER_MINUTE * share));
        this.nanoTime = nanoTime;
    }

    /** How long the caller waits before its post to the workspace; the moment after that is taken for it. */
    Duration reserve(String workspaceId) {
        long now = nanoTime.getAsLong();
        long[] slot = new long[1];
        nextFree.compute(workspaceId == null ? "" : workspaceId, (k, free) -> {
            slot[0] = free == null || free - now < 0 ? now : free;
            return slot[0] + spacingNanos;
        });
        return Duration.ofNanos(slot[0] - now);
    }
}
