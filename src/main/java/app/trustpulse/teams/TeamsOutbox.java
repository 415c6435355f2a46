package app.trustpulse.teams;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.work.DeliveryAttempts;
import app.trustpulse.work.WorkHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's answers to an activity (a reply to a command or a typed answer, a welcome on install), posted from the
 * durable queue at the moment their conversation's pace allows, so a worker never waits for a busy conversation and
 * one person's hundred messages delay nobody else. The work's key derives from the activity's key: an activity
 * handled again after a crash queues the same work, and a message already delivered is not posted again.
 */
final class TeamsOutbox implements WorkHandler {

    static final String KIND = "teams-post";

    private static final Logger LOG = LoggerFactory.getLogger(TeamsOutbox.class);

    /** Where the answers go: a conversation, or the thread of {@code replyToId} in a channel. */
    record Destination(String tenantId, String serviceUrl, String conversationId, String replyToId) {}

    private final Supplier<WorkQueue> work;
    private final TeamsGateway gateway;
    private final ReplyPacer pacer;
    private final DeliveryAttempts attempts;
    private final Clock clock;

    TeamsOutbox(
            Supplier<WorkQueue> work, TeamsGateway gateway, ReplyPacer pacer, DeliveryAttempts attempts, Clock clock) {
        this.work = work;
        this.gateway = gateway;
        this.pacer = pacer;
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** People wait for these; they go before fan-out such as a check-in round. */
    @Override
    public int priority() {
        return 10;
    }

    /** A delivery id for the answers to a queued activity, unique per activity and short enough for any column. */
    static String answerTo(String activityKey) {
        return "teams-re-" + UUID.nameUUIDFromBytes(activityKey.getBytes(StandardCharsets.UTF_8));
    }

    /** Queues the answers to one activity, in order, as one piece of work due when the conversation may take them. */
    void answer(String activityKey, Destination to, List<ChatMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        ObjectNode post = Serialization.createObjectNode();
        post.put("tenantId", to.tenantId())
                .put("serviceUrl", to.serviceUrl())
                .put("conversationId", to.conversationId())
                .put("replyToId", to.replyToId());
        ArrayNode activities = post.putArray("activities");
        for (ChatMessage message : messages) {
            activities.add(Serialization.objectToTree(gateway.render(message)));
        }
        String pace = PulseActivities.stripMessageId(to.conversationId());
        work.get()
                .enqueueAt(
                        KIND,
                        answerTo(activityKey),
                        post.toString(),
                        pacer.reserve(to.tenantId(), pace, messages.size()));
    }

    @Override
    public void run(String deliveryId, String data) throws IOException {
        JsonNode post = Serialization.jsonToTree(data);
        String tenantId = post.path("tenantId").asText();
        String conversationId = post.path("conversationId").asText();
        String replyToId =
                post.path("replyToId").isTextual() ? post.path("replyToId").asText() : null;
        JsonNode activities = post.path("activities");
        for (int i = 0; i < activities.size(); i++) {
            String id = deliveryId + "-" + i;
            if (attempts.wasDelivered(id)) {
                continue;
            }
            if (!attempts.firstTry(id, clock.instant())) {
                // Teams offers no way to look into a conversation: a try cut short right after the post landed is
                // the one case in which the person sees this answer twice.
                LOG.info("Teams answer {} is tried again; an earlier try did not finish", id);
            }
            gateway.post(
                    tenantId, post.path("serviceUrl").asText(), conversationId, replyToId, activity(activities.get(i)));
            attempts.delivered(id, clock.instant());
        }
    }

    private static Activity activity(JsonNode json) {
        Activity activity = Serialization.treeToValue(json, Activity.class);
        if (activity.getAttachments() != null) {
            // as a Jackson tree again: the SDK's request validator walks plain maps and lists into JDK internals
            for (Attachment attachment : activity.getAttachments()) {
                if (attachment.getContent() != null) {
                    attachment.setContent(Serialization.objectToTree(attachment.getContent()));
                }
            }
        }
        return activity;
    }
}
