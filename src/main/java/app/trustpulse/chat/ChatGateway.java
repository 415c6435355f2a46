package app.trustpulse.chat;

import app.trustpulse.pulse.Platform;
import java.util.List;
import java.util.Optional;

/**
 * The port every chat platform implements: how the bot reaches people. Delivery problems surface as
 * {@link ChatDeliveryException}; retrying and pacing within the platform's limits is the adapter's job.
 */
public interface ChatGateway {

    Platform platform();

    MessageRef sendDirect(DirectAddress to, ChatMessage message);

    MessageRef postToChannel(ChannelAddress to, ChatMessage message);

    /**
     * Sends a direct message tagged with a delivery id. When {@link Delivery#mayHaveLanded()}, a platform that can
     * look into the conversation first checks whether a message with that id is there and returns it instead.
     */
    default MessageRef sendDirect(DirectAddress to, ChatMessage message, Delivery delivery) {
        return sendDirect(to, message);
    }

    /** Posts to a channel tagged with a delivery id, as {@link #sendDirect(DirectAddress, ChatMessage, Delivery)}. */
    default MessageRef postToChannel(ChannelAddress to, ChatMessage message, Delivery delivery) {
        return postToChannel(to, message);
    }

    void update(MessageRef ref, ChatMessage message);

    /**
     * Answers under a message the bot posted in a channel: a thread reply in Slack, a reply in Teams, a reply under it
     * in the playground. Where a platform has no threads, the answer follows in the same conversation.
     */
    default MessageRef replyInThread(MessageRef parent, ChatMessage message) {
        return postToChannel(
                new ChannelAddress(parent.platform(), parent.workspaceId(), parent.conversationId()), message);
    }

    /** The human, active members of a channel. */
    List<ChatUser> channelMembers(ChannelAddress channel);

    /**
     * How many messages to different people the platform takes at once: a round of check-ins or welcomes sends this
     * many side by side, so a platform whose limits allow more posts a second than one sender reaches is used to
     * them. The adapter still paces every send.
     */
    default int parallelSends() {
        return 1;
    }

    /**
     * The name a person goes by, looked up for someone named in a command by id only (e.g. added with {@code add @…});
     * empty where the platform does not say, or where it names people by their id itself (a Slack mention).
     */
    default Optional<String> personName(ChannelAddress channel, String userId) {
        return Optional.empty();
    }

    /** A name people recognise the channel by, for the team's name; the id where the platform offers none. */
    default String channelName(ChannelAddress channel) {
        return channel.channelId();
    }
}
