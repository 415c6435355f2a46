package app.trustpulse.chat;

import app.trustpulse.pulse.Platform;
import java.util.List;

/**
 * The port every chat platform implements: how the bot reaches people. Delivery problems surface as
 * {@link ChatDeliveryException}; retrying and pacing within the platform's limits is the adapter's job.
 */
public interface ChatGateway {

    Platform platform();

    MessageRef sendDirect(DirectAddress to, ChatMessage message);

    MessageRef postToChannel(ChannelAddress to, ChatMessage message);

    void update(MessageRef ref, ChatMessage message);

    /** The human, active members of a channel. */
    List<ChatUser> channelMembers(ChannelAddress channel);

    /** A name people recognise the channel by, for the team's name; the id where the platform offers none. */
    default String channelName(ChannelAddress channel) {
        return channel.channelId();
    }
}
