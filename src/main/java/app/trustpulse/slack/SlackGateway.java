package app.trustpulse.slack;

import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.pulse.Platform;
import com.slack.api.methods.Methods;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.Message;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How the bot reaches people in Slack. Every call goes through {@link SlackCalls} (the SDK's rate-limited async
 * client, with retries). Each posted message carries a delivery id in its metadata, so a retry after an ambiguous
 * failure first looks in the conversation and never posts a second copy of a direct message.
 */
final class SlackGateway implements ChatGateway {

    static final String METADATA_EVENT = "trustpulse_message";
    static final String METADATA_KEY = "delivery_id";

    private final SlackCalls calls;
    private final SlackPeople people;
    private final BlockKit blockKit;

    SlackGateway(SlackCalls calls, SlackPeople people, BlockKit blockKit) {
        this.calls = calls;
        this.people = people;
        this.blockKit = blockKit;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public MessageRef sendDirect(DirectAddress to, ChatMessage message) {
        requireSlack(to.platform());
        String channel = openIm(to.workspaceId(), to.userId());
        return post(to.workspaceId(), channel, message, true);
    }

    @Override
    public MessageRef postToChannel(ChannelAddress to, ChatMessage message) {
        requireSlack(to.platform());
        return post(to.workspaceId(), to.channelId(), message, false);
    }

    @Override
    public void update(MessageRef ref, ChatMessage message) {
        requireSlack(ref.platform());
        calls.call(ref.workspaceId(), Methods.CHAT_UPDATE, ref.conversationId(), c -> c.chatUpdate(r -> r
                .channel(ref.conversationId())
                .ts(ref.messageId())
                .text(message.summary())
                .blocks(blockKit.message(message))));
    }

    @Override
    public List<ChatUser> channelMembers(ChannelAddress channel) {
        requireSlack(channel.platform());
        return people.channelMembers(channel.workspaceId(), channel.channelId());
    }

    /** Posts a message into a conversation the bot is in: a DM answer, a channel post. */
    MessageRef post(String workspaceId, String channel, ChatMessage message, boolean direct) {
        String deliveryId = UUID.randomUUID().toString();
        Optional<Supplier<Optional<ChatPostMessageResponse>>> check = direct
                ? Optional.of(() -> findPosted(workspaceId, channel, deliveryId))
                : Optional.empty();
        ChatPostMessageResponse r = calls.callOnce(workspaceId, Methods.CHAT_POST_MESSAGE, channel, c -> c.chatPostMessage(q -> q
                .channel(channel)
                .text(message.summary())
                .blocks(blockKit.message(message))
                .metadata(new Message.Metadata(METADATA_EVENT, Map.of(METADATA_KEY, deliveryId)))
                .unfurlLinks(false)
                .unfurlMedia(false)), check);
        return new MessageRef(Platform.SLACK, workspaceId, r.getChannel() == null ? channel : r.getChannel(), r.getTs());
    }

    String openIm(String workspaceId, String userId) {
        ConversationsOpenResponse r = calls.call(workspaceId, Methods.CONVERSATIONS_OPEN, userId,
                c -> c.conversationsOpen(q -> q.users(List.of(userId))));
        return r.getChannel().getId();
    }

    private Optional<ChatPostMessageResponse> findPosted(String workspaceId, String channel, String deliveryId) {
        ConversationsHistoryResponse h = calls.call(workspaceId, Methods.CONVERSATIONS_HISTORY, channel,
                c -> c.conversationsHistory(q -> q.channel(channel).limit(20).includeAllMetadata(true)));
        return h.getMessages().stream()
                .filter(m -> m.getMetadata() != null && METADATA_EVENT.equals(m.getMetadata().getEventType()))
                .filter(m -> m.getMetadata().getEventPayload() != null
                        && Objects.equals(deliveryId, m.getMetadata().getEventPayload().get(METADATA_KEY)))
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
