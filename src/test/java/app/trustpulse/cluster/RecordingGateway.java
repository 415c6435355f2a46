package app.trustpulse.cluster;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.pulse.Platform;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A chat platform at the edge, shared by every application instance in the test: it records what was sent. */
final class RecordingGateway implements ChatGateway {

    record Sent(String instance, String to, boolean channel, ChatMessage message) {
        boolean isCheckIn() {
            return message.blocks().stream().anyMatch(b -> b instanceof Block.Scale);
        }

        /** The weekly pulse in the channel, not a roster notice. */
        boolean isPulse() {
            return channel && message.summary().startsWith("Team pulse");
        }
    }

    static final List<Sent> SENT = new CopyOnWriteArrayList<>();
    static volatile List<ChatUser> roster = List.of();
    private static final AtomicLong IDS = new AtomicLong();

    private final String instance;

    RecordingGateway(String instance) {
        this.instance = instance;
    }

    @Override
    public Platform platform() {
        return Platform.PLAYGROUND;
    }

    @Override
    public MessageRef sendDirect(DirectAddress to, ChatMessage message) {
        SENT.add(new Sent(instance, to.userId(), false, message));
        return new MessageRef(
                Platform.PLAYGROUND, to.workspaceId(), "dm:" + to.userId(), String.valueOf(IDS.incrementAndGet()));
    }

    @Override
    public MessageRef postToChannel(ChannelAddress to, ChatMessage message) {
        SENT.add(new Sent(instance, to.channelId(), true, message));
        return new MessageRef(
                Platform.PLAYGROUND, to.workspaceId(), to.channelId(), String.valueOf(IDS.incrementAndGet()));
    }

    @Override
    public void update(MessageRef ref, ChatMessage message) {
        // Updates in place are not what this test counts.
    }

    @Override
    public List<ChatUser> channelMembers(ChannelAddress channel) {
        return roster;
    }

    static ChatUser user(String id) {
        return new ChatUser(id, id, Optional.empty());
    }
}
