package app.trustpulse.slack;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.Delivery;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.work.DeliveryAttempts;
import app.trustpulse.work.WorkHandler;
import com.google.gson.Gson;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Replies that are not part of a request's answer (a DM reply, a notice in the DM) are posted from the durable
 * queue, each at the moment its conversation's pace allows, with its delivery id as the work's key: a post retried
 * after a crash or a lost answer first looks whether it landed.
 */
final class SlackOutbox implements WorkHandler {

    static final String KIND = "slack-post";

    private static final Gson GSON = new Gson();

    /** A queued post: to a conversation, or to a person's DM when {@code userId} is set. */
    record Post(String workspaceId, String channel, String userId, String text, String blocks) {}

    private final Supplier<WorkQueue> work;
    private final SlackGateway gateway;
    private final ConversationPacer pacer;
    private final DeliveryAttempts attempts;
    private final SlackConnection connection;
    private final Clock clock;

    SlackOutbox(
            Supplier<WorkQueue> work,
            SlackGateway gateway,
            ConversationPacer pacer,
            DeliveryAttempts attempts,
            SlackConnection connection,
            Clock clock) {
        this.work = work;
        this.gateway = gateway;
        this.pacer = pacer;
        this.attempts = attempts;
        this.connection = connection;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int priority() {
        return 10;
    }

    /**
     * Queues a post. {@code deliveryId} derives from the request it answers, so a request handled again after a crash
     * queues the same post, which is then found in the conversation instead of being posted twice.
     */
    void post(String workspaceId, String channel, ChatMessage message, String deliveryId) {
        SlackGateway.Prepared p = gateway.prepare(message);
        queue(new Post(workspaceId, channel, null, p.text(), p.blocks()), channel, deliveryId);
    }

    void postToUser(String workspaceId, String userId, ChatMessage message, String deliveryId) {
        SlackGateway.Prepared p = gateway.prepare(message);
        queue(new Post(workspaceId, null, userId, p.text(), p.blocks()), userId, deliveryId);
    }

    /** Queues an answer already rendered for Slack to a person's DM. */
    void postPrepared(String workspaceId, String userId, SlackGateway.Prepared message, String deliveryId) {
        queue(new Post(workspaceId, null, userId, message.text(), message.blocks()), userId, deliveryId);
    }

    private void queue(Post post, String conversation, String deliveryId) {
        work.get().enqueueAt(KIND, deliveryId, GSON.toJson(post), pacer.reserve(post.workspaceId(), conversation));
    }

    /** A delivery id for the answer to a queued request, unique per request and short enough for any column. */
    static String answerTo(String requestKey) {
        return "re-" + UUID.nameUUIDFromBytes(requestKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void run(String deliveryId, String data) {
        connection.deferWhileDown();
        Post post = GSON.fromJson(data, Post.class);
        Delivery delivery = new Delivery(deliveryId, !attempts.firstTry(deliveryId, clock.instant()));
        SlackGateway.Prepared message = new SlackGateway.Prepared(post.text(), post.blocks());
        if (post.userId() != null) {
            gateway.postToUser(post.workspaceId(), post.userId(), message, delivery);
        } else {
            gateway.post(post.workspaceId(), post.channel(), message, delivery);
        }
    }
}
