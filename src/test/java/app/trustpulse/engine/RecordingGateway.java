package app.trustpulse.engine;

import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.Delivery;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.pulse.Platform;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The playground platform as the engine sees it in these tests: every message it is asked to send, post or
 * update is recorded with its address, and channel members come from a roster the test sets.
 * Shared by all tests of the one Spring context; each test works in a workspace of its own, so filter by it.
 */
public final class RecordingGateway implements ChatGateway {

    /** A direct message that went out, and the reference the gateway handed back for it. */
    public record Direct(DirectAddress to, ChatMessage message, MessageRef ref) {}

    public record Post(ChannelAddress to, ChatMessage message, MessageRef ref) {}

    public record Update(MessageRef ref, ChatMessage message) {}

    private final List<Direct> directs = new CopyOnWriteArrayList<>();
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final List<Update> updates = new CopyOnWriteArrayList<>();
    private final Map<String, List<ChatUser>> rosters = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public Platform platform() {
        return Platform.PLAYGROUND;
    }

    /** The delivery ids direct messages were sent with, in order, per workspace and person. */
    public record Tagged(DirectAddress to, Delivery delivery) {}

    private final List<Tagged> tagged = new CopyOnWriteArrayList<>();
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();

    @Override
    public MessageRef sendDirect(DirectAddress to, ChatMessage message, Delivery delivery) {
        tagged.add(new Tagged(to, delivery));
        return sendDirect(to, message);
    }

    private final Map<String, Consumer<DirectAddress>> beforeDirects = new ConcurrentHashMap<>();

    /** Runs before each direct message to someone in the workspace goes out, to look at what was stored by then. */
    public void beforeEachDirect(String workspaceId, Consumer<DirectAddress> look) {
        beforeDirects.put(workspaceId, look);
    }

    @Override
    public MessageRef sendDirect(DirectAddress to, ChatMessage message) {
        beforeDirects.getOrDefault(to.workspaceId(), a -> {}).accept(to);
        if (unreachable.contains(key(to.workspaceId(), to.userId()))) {
            throw new ChatDeliveryException("the platform did not take a message to " + to.userId());
        }
        MessageRef ref =
                new MessageRef(to.platform(), to.workspaceId(), "D-" + to.userId(), "m" + ids.incrementAndGet());
        directs.add(new Direct(to, message, ref));
        return ref;
    }

    /** The delivery ids channel posts were made with, in order. */
    public record ChannelTagged(ChannelAddress to, Delivery delivery) {}

    private final List<ChannelTagged> channelTagged = new CopyOnWriteArrayList<>();

    @Override
    public MessageRef postToChannel(ChannelAddress to, ChatMessage message, Delivery delivery) {
        channelTagged.add(new ChannelTagged(to, delivery));
        return postToChannel(to, message);
    }

    @Override
    public MessageRef postToChannel(ChannelAddress to, ChatMessage message) {
        if (unreachable.contains(key(to.workspaceId(), "#" + to.channelId()))
                || unreachable.contains(key(to.workspaceId(), to.channelId()))) {
            throw new ChatDeliveryException("the platform did not take a post to " + to.channelId());
        }
        MessageRef ref = new MessageRef(to.platform(), to.workspaceId(), to.channelId(), "p" + ids.incrementAndGet());
        posts.add(new Post(to, message, ref));
        return ref;
    }

    @Override
    public void update(MessageRef ref, ChatMessage message) {
        updates.add(new Update(ref, message));
    }

    @Override
    public List<ChatUser> channelMembers(ChannelAddress channel) {
        return rosters.getOrDefault(key(channel.workspaceId(), channel.channelId()), List.of());
    }

    public void roster(String workspaceId, String channelId, List<ChatUser> people) {
        rosters.put(key(workspaceId, channelId), List.copyOf(people));
    }

    public List<Direct> directs(String workspaceId) {
        return directs.stream()
                .filter(d -> d.to().workspaceId().equals(workspaceId))
                .toList();
    }

    public List<Direct> directsTo(String workspaceId, String userId) {
        return directs(workspaceId).stream()
                .filter(d -> d.to().userId().equals(userId))
                .toList();
    }

    public List<Post> posts(String workspaceId) {
        return posts.stream()
                .filter(p -> p.to().workspaceId().equals(workspaceId))
                .toList();
    }

    public List<Update> updates(String workspaceId) {
        return updates.stream()
                .filter(u -> u.ref().workspaceId().equals(workspaceId))
                .toList();
    }

    /** Direct messages to the person, or posts to the channel, fail until {@link #reachable} is called. */
    public void unreachable(String workspaceId, String userId) {
        unreachable.add(key(workspaceId, userId));
    }

    public void reachable(String workspaceId, String userId) {
        unreachable.remove(key(workspaceId, userId));
    }

    /** Posts to the channel fail until {@link #channelReachable} is called. */
    public void channelUnreachable(String workspaceId, String channelId) {
        unreachable.add(key(workspaceId, "#" + channelId));
    }

    public void channelReachable(String workspaceId, String channelId) {
        unreachable.remove(key(workspaceId, "#" + channelId));
    }

    public List<ChannelTagged> taggedIn(String workspaceId, String channelId) {
        return channelTagged.stream()
                .filter(t -> t.to().workspaceId().equals(workspaceId)
                        && t.to().channelId().equals(channelId))
                .toList();
    }

    public List<Tagged> taggedTo(String workspaceId, String userId) {
        return tagged.stream()
                .filter(t -> t.to().workspaceId().equals(workspaceId)
                        && t.to().userId().equals(userId))
                .toList();
    }

    /** Forgets what was recorded for one workspace, e.g. the welcome messages after a setup. */
    public void clear(String workspaceId) {
        directs.removeIf(d -> d.to().workspaceId().equals(workspaceId));
        posts.removeIf(p -> p.to().workspaceId().equals(workspaceId));
        updates.removeIf(u -> u.ref().workspaceId().equals(workspaceId));
        tagged.removeIf(t -> t.to().workspaceId().equals(workspaceId));
        channelTagged.removeIf(t -> t.to().workspaceId().equals(workspaceId));
    }

    private static String key(String workspaceId, String channelId) {
        return workspaceId + "/" + channelId;
    }
}
