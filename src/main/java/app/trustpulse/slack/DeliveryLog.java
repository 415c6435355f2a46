package app.trustpulse.slack;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Records Web API calls that needed retries or failed for good, for operators to see what did not arrive. */
class DeliveryLog {

    enum Outcome {
        DELIVERED,
        FAILED
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLog.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    DeliveryLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(
            String workspaceId,
            String method,
            String channelId,
            Outcome outcome,
            int attempts,
            String messageTs,
            String error) {
        // A direct message's channel stands for a person: neither the log nor the record names it.
        String channel = channelId != null && channelId.startsWith("D") ? "a direct message" : channelId;
        if (outcome == Outcome.FAILED) {
            LOG.warn(
                    "Slack {} to {} in {} failed after {} attempt(s): {}",
                    method,
                    channel,
                    workspaceId,
                    attempts,
                    error);
        } else {
            LOG.info("Slack {} to {} in {} delivered after {} attempts", method, channel, workspaceId, attempts);
        }
        try {
            jdbc.sql("""
                    INSERT INTO slack_delivery (workspace_id, method, channel_id, outcome, attempts,
                        message_ts, last_error,
                        recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            workspaceId,
                            method,
                            java.util.Objects.equals(channel, channelId) ? channelId : "DM",
                            outcome.name(),
                            attempts,
                            messageTs,
                            error == null ? null : truncate(error, 500),
                            OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .update();
        } catch (DataAccessException e) {
            LOG.warn("could not record a Slack delivery", e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
