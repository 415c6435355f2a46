package app.trustpulse.playground;

import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.pulse.Platform;
import java.util.List;
import java.util.Optional;

/**
 * The playground as a chat platform: every message the bot sends is stored in the database, where the
 * playground page reads it. Nothing is kept in memory, so several instances can share one database.
 */
class PlaygroundGateway implements ChatGateway {

    private final PlaygroundStore store;
    private final MessageJson json;

    PlaygroundGateway(PlaygroundStore store, MessageJson json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public Platform platform() {
        return Platform.PLAYGROUND;
    }

    @Override
    public MessageRef sendDirect(DirectAddress to, ChatMessage message) {
        requirePlayground(to.platform());
        if (store.person(to.workspaceId(), to.userId()).isEmpty()) {
            throw new ChatDeliveryException(
                    "no person " + to.userId() + " in playground workspace " + to.workspaceId());
        }
        return post(to.workspaceId(), Conversations.dm(to.userId()), message);
    }

    @Override
    public MessageRef postToChannel(ChannelAddress to, ChatMessage message) {
        requirePlayground(to.platform());
        return post(to.workspaceId(), Conversations.channel(to.channelId()), message);
    }

    @Override
    public void update(MessageRef ref, ChatMessage message) {
        requirePlayground(ref.platform());
        long id = parseId(ref.messageId());
        if (!store.replaceContent(ref.workspaceId(), ref.conversationId(), id, json.write(message))) {
            throw new ChatDeliveryException("no playground message " + ref.messageId() + " in " + ref.conversationId());
        }
    }

    /** A reply under a channel message: stored in the same conversation, marked with the message it answers. */
    @Override
    public MessageRef replyInThread(MessageRef parent, ChatMessage message) {
        requirePlayground(parent.platform());
        long parentId = parseId(parent.messageId());
        long id = store.addMessage(
                parent.workspaceId(),
                parent.conversationId(),
                StoredMessage.BOT,
                Optional.empty(),
                json.writeReply(message, parentId));
        return new MessageRef(Platform.PLAYGROUND, parent.workspaceId(), parent.conversationId(), String.valueOf(id));
    }

    @Override
    public String channelName(ChannelAddress channel) {
        return "#" + channel.channelId();
    }

    @Override
    public Optional<String> personName(ChannelAddress channel, String userId) {
        return store.person(channel.workspaceId(), userId).map(Person::displayName);
    }

    @Override
    public List<ChatUser> channelMembers(ChannelAddress channel) {
        requirePlayground(channel.platform());
        return store.channelMembers(channel.workspaceId(), channel.channelId()).stream()
                .map(Person::chatUser)
                .toList();
    }

    static MessageRef ref(StoredMessage m) {
        return new MessageRef(Platform.PLAYGROUND, m.workspaceId(), m.conversationId(), String.valueOf(m.id()));
    }

    private MessageRef post(String workspaceId, String conversationId, ChatMessage message) {
        long id =
                store.addMessage(workspaceId, conversationId, StoredMessage.BOT, Optional.empty(), json.write(message));
        return new MessageRef(Platform.PLAYGROUND, workspaceId, conversationId, String.valueOf(id));
    }

    private static void requirePlayground(Platform platform) {
        if (platform != Platform.PLAYGROUND) {
            throw new ChatDeliveryException("the playground cannot deliver to " + platform.code());
        }
    }

    private static long parseId(String messageId) {
        try {
            return Long.parseLong(messageId);
        } catch (NumberFormatException e) {
            throw new ChatDeliveryException("not a playground message id: " + messageId, e);
        }
    }
}
