package app.trustpulse.slack;

import com.slack.api.methods.Methods;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each person's DM channel with the bot. Posts go to the user id (Slack delivers them to the app's DM) and the channel
 * id in Slack's answer is kept, in memory and in {@code slack_im}; {@code conversations.open} (Tier 3, about 50 a
 * minute) is called only when a retry must look into a DM whose id is not known yet.
 */
class SlackIms {

    private final JdbcClient jdbc;
    private final SlackCalls calls;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    SlackIms(JdbcClient jdbc, SlackCalls calls) {
        this.jdbc = jdbc;
        this.calls = calls;
    }

    /** The DM channel if known, else the user id, which Slack accepts as a post's channel. */
    String postTarget(String workspaceId, String userId) {
        return known(workspaceId, userId).orElse(userId);
    }

    Optional<String> known(String workspaceId, String userId) {
        String key = workspaceId + '/' + userId;
        String hit = known.get(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<String> stored = jdbc.sql("SELECT channel_id FROM slack_im WHERE workspace_id = ? AND user_id = ?")
                .params(workspaceId, userId)
                .query(String.class)
                .optional();
        stored.ifPresent(c -> known.put(key, c));
        return stored;
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
        if (channelId == null
                || !channelId.startsWith("D")
                || channelId.equals(known.get(workspaceId + '/' + userId))) {
            return;
        }
        known.put(workspaceId + '/' + userId, channelId);
        try {
            int updated = jdbc.sql("UPDATE slack_im SET channel_id = ? WHERE workspace_id = ? AND user_id = ?")
                    .params(channelId, workspaceId, userId)
                    .update();
            if (updated == 0) {
                jdbc.sql(
                                "INSERT INTO slack_im (workspace_id, user_id, channel_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(workspaceId, userId, channelId)
                        .update();
            }
        } catch (DataAccessException e) {
            // The id is kept in memory still; the table only saves a conversations.open after a restart.
        }
    }
}
