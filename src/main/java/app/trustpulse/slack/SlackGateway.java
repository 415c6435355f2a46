package app.trustpulse.slack;

import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.Delivery;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.pulse.Platform;
import com.google.gson.Gson;
import com.slack.api.methods.Methods;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the bot reaches people in Slack. Every call goes through {@link SlackCalls} (the SDK's rate-limited async
 * client, with retries). Each posted message carries a delivery id in its metadata, so a retry after an ambiguous
 * failure, or after a crash, first looks in the conversation and never posts a second copy. Direct messages go to
 * the user id or the DM channel kept from an earlier post, never through a {@code conversations.open} per message.
 */
final class SlackGateway implements ChatGateway {

    static final String METADATA_EVENT = "trustpulse_message";
    static final String METADATA_KEY = "delivery_id";

    private static final Gson SLACK_GSON = GsonFactory.createSnakeCase();
    /** How long Slack may take before a file just uploaded can be shown in a message. */
    static final java.time.Duration FILE_PROCESSING = java.time.Duration.ofSeconds(2);

    private final SlackCalls calls;
    private final SlackPeople people;
    private final SlackIms ims;
    private final BlockKit blockKit;

    SlackGateway(SlackCalls calls, SlackPeople people, SlackIms ims, BlockKit blockKit) {
        this.calls = calls;
        this.people = people;
        this.ims = ims;
        this.blockKit = blockKit;
    }

    /** A message as Slack takes it: the notification text and the blocks as JSON, ready to be queued. */
    record Prepared(String text, String blocks) {}

    Prepared prepare(ChatMessage message) {
        return new Prepared(BlockKit.text(message), SLACK_GSON.toJson(blockKit.message(message)));
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public MessageRef sendDirect(DirectAddress to, ChatMessage message) {
        return sendDirect(to, message, Delivery.fresh());
    }

    @Override
    public MessageRef postToChannel(ChannelAddress to, ChatMessage message) {
        return postToChannel(to, message, Delivery.fresh());
    }

    @Override
    public MessageRef sendDirect(DirectAddress to, ChatMessage message, Delivery delivery) {
        requireSlack(to.platform());
        return postToUser(to.workspaceId(), to.userId(), prepare(message), delivery);
    }

    @Override
    public MessageRef postToChannel(ChannelAddress to, ChatMessage message, Delivery delivery) {
        requireSlack(to.platform());
        return post(to.workspaceId(), to.channelId(), prepare(message), delivery);
    }

    /** A DM: to the known DM channel, or to the user id, whose answer tells the DM channel for next time. */
    MessageRef postToUser(String workspaceId, String userId, Prepared message, Delivery delivery) {
        if (delivery.mayHaveLanded()) {
            String im = ims.open(workspaceId, userId);
            Optional<ChatPostMessageResponse> found = findPosted(workspaceId, im, delivery.id());
            if (found.isPresent()) {
                return new MessageRef(
                        Platform.SLACK, workspaceId, im, found.get().getTs());
            }
        }
        MessageRef ref =
                post(workspaceId, ims.postTarget(workspaceId, userId), message, new Delivery(delivery.id(), false));
        ims.remember(workspaceId, userId, ref.conversationId());
        return ref;
    }

    @Override
    public void update(MessageRef ref, ChatMessage message) {
        requireSlack(ref.platform());
        calls.call(
                ref.workspaceId(),
                Methods.CHAT_UPDATE,
                ref.conversationId(),
                c -> c.chatUpdate(r -> r.channel(ref.conversationId())
                        .ts(ref.messageId())
                        .text(BlockKit.text(message))
                        .blocks(blockKit.message(message))));
    }

    /**
     * A reply in the thread of a channel message. An ambiguous failure is not tried again, so a reply never shows
     * twice; the person who clicked is told it did not go out.
     */
    @Override
    public MessageRef replyInThread(MessageRef parent, ChatMessage message) {
        requireSlack(parent.platform());
        Prepared prepared = prepare(message);
        ChatPostMessageResponse r = calls.callOnce(
                parent.workspaceId(),
                Methods.CHAT_POST_MESSAGE,
                parent.conversationId(),
                c -> c.chatPostMessage(q -> q.channel(parent.conversationId())
                        .threadTs(parent.messageId())
                        .text(prepared.text())
                        .blocksAsString(prepared.blocks())
                        .unfurlLinks(false)
                        .unfurlMedia(false)),
                Optional.empty());
        return new MessageRef(Platform.SLACK, parent.workspaceId(), parent.conversationId(), r.getTs());
    }

    @Override
    public List<ChatUser> channelMembers(ChannelAddress channel) {
        requireSlack(channel.platform());
        return people.channelMembers(channel.workspaceId(), channel.channelId());
    }

    /**
     * Posts a message into a conversation the bot is in (a DM, a channel, or a user id for their DM), tagged with the
     * delivery id in its metadata. Where a try may have landed, the conversation is looked into first; a channel
     * post needs the {@code channels:history} (or {@code groups:history}) scope for that.
     */
    MessageRef post(String workspaceId, String channel, Prepared message, Delivery delivery) {
        String deliveryId = delivery.id();
        if (delivery.mayHaveLanded() && !channel.startsWith("U")) {
            Optional<ChatPostMessageResponse> found = findPosted(workspaceId, channel, deliveryId);
            if (found.isPresent()) {
                return new MessageRef(
                        Platform.SLACK, workspaceId, channel, found.get().getTs());
            }
        }
        // After a lost answer, the message is looked for by its delivery id; a DM to a user id is looked for in
        // their DM channel, opened for that only.
        Optional<Supplier<Optional<ChatPostMessageResponse>>> check = Optional.of(() -> findPosted(
                workspaceId, channel.startsWith("U") ? ims.open(workspaceId, channel) : channel, deliveryId));
        ChatPostMessageResponse r;
        try {
            r = postOnce(workspaceId, channel, message.text(), message.blocks(), deliveryId, check);
        } catch (ChatDeliveryException e) {
            Optional<String> textOnly = BlockKit.withoutUploadedImages(message.blocks());
            if (textOnly.isEmpty() || !refusedBlocks(e)) {
                throw e;
            }
            // Slack refused the blocks, so nothing landed. A file uploaded a moment ago may still be processing:
            // once more a little later, then without the chart (the table beside it says the same).
            r = postAgain(workspaceId, channel, message.text(), message.blocks(), deliveryId, check)
                    .orElseGet(() -> postOnce(workspaceId, channel, message.text(), textOnly.get(), deliveryId, check));
        }
        return new MessageRef(
                Platform.SLACK, workspaceId, r.getChannel() == null ? channel : r.getChannel(), r.getTs());
    }

    private Optional<ChatPostMessageResponse> postAgain(
            String workspaceId,
            String channel,
            String text,
            String blocks,
            String deliveryId,
            Optional<Supplier<Optional<ChatPostMessageResponse>>> check) {
        try {
            Thread.sleep(FILE_PROCESSING.toMillis());
            return Optional.of(postOnce(workspaceId, channel, text, blocks, deliveryId, check));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatDeliveryException("interrupted before posting again", e);
        } catch (ChatDeliveryException e) {
            if (refusedBlocks(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static boolean refusedBlocks(ChatDeliveryException e) {
        return e.getMessage() != null && e.getMessage().contains("invalid_blocks");
    }

    private ChatPostMessageResponse postOnce(
            String workspaceId,
            String channel,
            String text,
            String blocks,
            String deliveryId,
            Optional<Supplier<Optional<ChatPostMessageResponse>>> check) {
        return calls.callOnce(
                workspaceId,
                Methods.CHAT_POST_MESSAGE,
                channel,
                c -> c.chatPostMessage(q -> q.channel(channel)
                        .text(text)
                        .blocksAsString(blocks)
                        .metadata(new Message.Metadata(METADATA_EVENT, Map.of(METADATA_KEY, deliveryId)))
                        .unfurlLinks(false)
                        .unfurlMedia(false)),
                check);
    }

    Optional<ChatPostMessageResponse> findPosted(String workspaceId, String channel, String deliveryId) {
        ConversationsHistoryResponse h = calls.call(
                workspaceId,
                Methods.CONVERSATIONS_HISTORY,
                channel,
                c -> c.conversationsHistory(q -> q.channel(channel).limit(20).includeAllMetadata(true)));
        return h.getMessages().stream()
                .filter(m -> m.getMetadata() != null
                        && METADATA_EVENT.equals(m.getMetadata().getEventType()))
                .filter(m -> m.getMetadata().getEventPayload() != null
                        && Objects.equals(
                                deliveryId, m.getMetadata().getEventPayload().get(METADATA_KEY)))
                .findFirst()
                .map(m -> {
                    ChatPostMessageResponse found = new ChatPostMessageResponse();
                    found.setOk(true);
                    found.setChannel(channel);
                    found.setTs(m.getTs());
                    return found;
                });
    }

    private static void requireSlack(Platform platform) {
        if (platform != Platform.SLACK) {
            throw new ChatDeliveryException("the Slack gateway cannot reach " + platform.code());
        }
    }
}
