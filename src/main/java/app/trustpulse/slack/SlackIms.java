package app.trustpulse.slack;

import app.trustpulse.pulse.GroupWriter;
import app.trustpulse.pulse.NowAndThen;
import com.slack.api.methods.Methods;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each person's DM channel with the bot. Posts go to the user id (Slack delivers them to the app's DM) and the channel
 * id in Slack's answer is kept in {@code slack_im}, and in memory for {@link #KEEP} after its last use (a round and
 * its retries), so that the memory holds the people written to lately rather than everyone ever written to; {@code
 * conversations.open} (Tier 3, about 50 a minute) is called only when a retry must look into a DM whose id is not
 * known yet. The ids a round's first posts learn together are stored in one transaction (on H2 every commit writes a
 * chunk of the file).
 */
class SlackIms {

    static final Duration KEEP = Duration.ofMinutes(10);

    /** DM channels stored in one transaction at most. */
    private static final int STORED_TOGETHER = 200;

    private final JdbcClient jdbc;
    private final SlackCalls calls;
    private final LongSupplier nanoTime;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final NowAndThen sweeps;
    private final TransactionTemplate transactions;
    private final GroupWriter<Im, Void> stores;

    /** A DM channel learnt, to store. */
    private record Im(String workspaceId, String userId, String channelId) {}

    /** A DM channel and when it was last used ({@link System#nanoTime()}). */
    private record Known(String channelId, long usedAt) {}

    SlackIms(JdbcClient jdbc, TransactionTemplate transactions, SlackCalls calls) {
        this(jdbc, transactions, calls, System::nanoTime);
    }

    SlackIms(JdbcClient jdbc, TransactionTemplate transactions, SlackCalls calls, LongSupplier nanoTime) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.calls = calls;
        this.nanoTime = nanoTime;
        this.sweeps = new NowAndThen(KEEP.toNanos(), nanoTime.getAsLong());
        this.stores = GroupWriter.writing("slack-ims", STORED_TOGETHER, Duration.ofSeconds(30), this::storeAll);
    }

    /** How many DM channels are held in memory. */
    int inMemory() {
        return known.size();
    }

    /** The DM channel if known, else the user id, which Slack accepts as a post's channel. */
    String postTarget(String workspaceId, String userId) {
        return known(workspaceId, userId).orElse(userId);
    }

    Optional<String> known(String workspaceId, String userId) {
        String key = workspaceId + '/' + userId;
        long now = nanoTime.getAsLong();
        Known hit = known.get(key);
        if (hit != null && now - hit.usedAt() <= KEEP.toNanos()) {
            if (now - hit.usedAt() > KEEP.toNanos() / 10) {
                known.put(key, new Known(hit.channelId(), now));
            }
            return Optional.of(hit.channelId());
        }
        Optional<String> stored = jdbc.sql("SELECT channel_id FROM slack_im WHERE workspace_id = ? AND user_id = ?")
                .params(workspaceId, userId)
                .query(String.class)
                .optional();
        stored.ifPresent(c -> keep(key, c, now));
        return stored;
    }

    /** Keeps the channel in memory; those unused for {@link #KEEP} go, looked over at most once in that time. */
    private void keep(String key, String channelId, long now) {
        known.put(key, new Known(channelId, now));
        if (sweeps.due(now)) {
            known.values().removeIf(k -> now - k.usedAt() > KEEP.toNanos());
        }
    }

    /** The DM channel, opened if need be. */
    String open(String workspaceId, String userId) {
        Optional<String> hit = known(workspaceId, userId);
        if (hit.isPresent()) {
            return hit.get();
        }
        ConversationsOpenResponse r = calls.call(
                workspaceId,
                Methods.CONVERSATIONS_OPEN,
                userId,
                c -> c.conversationsOpen(q -> q.users(List.of(userId))));
        remember(workspaceId, userId, r.getChannel().getId());
        return r.getChannel().getId();
    }

    /** Forget-me: the person's DM channel goes with the rest of their data. */
    int forget(String workspaceId, String userId) {
        known.remove(workspaceId + '/' + userId);
        return jdbc.sql("DELETE FROM slack_im WHERE workspace_id = ? AND user_id = ?")
                .params(workspaceId, userId)
                .update();
    }

    void remember(String workspaceId, String userId, String channelId) {
        String key = workspaceId + '/' + userId;
        Known hit = known.get(key);
        if (channelId == null || !channelId.startsWith("D") || (hit != null && channelId.equals(hit.channelId()))) {
            return;
        }
        keep(key, channelId, nanoTime.getAsLong());
        try {
            stores.write(new Im(workspaceId, userId, channelId));
        } catch (DataAccessException | TransactionException e) {
            // The id is kept in memory still; the table only saves a conversations.open after a restart.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** In the order of their keys, as every instance stores them, so two instances' transactions cannot deadlock. */
    private void storeAll(List<Im> ims) {
        List<Im> ordered = ims.stream()
                .sorted(Comparator.comparing(Im::workspaceId).thenComparing(Im::userId))
                .toList();
        transactions.executeWithoutResult(status -> ordered.forEach(this::store));
    }

    private void store(Im im) {
        int updated = jdbc.sql("UPDATE slack_im SET channel_id = ? WHERE workspace_id = ? AND user_id = ?")
                .params(im.channelId(), im.workspaceId(), im.userId())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO slack_im (workspace_id, user_id, channel_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(im.workspaceId(), im.userId(), im.channelId())
                    .update();
        }
    }
}
