package app.trustpulse.chat;

import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseMetrics;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The gateways of the platforms that are switched on, by platform; every delivery that fails for good is counted. */
public final class ChatGateways {

    private final Map<Platform, ChatGateway> byPlatform = new EnumMap<>(Platform.class);

    public ChatGateways(List<ChatGateway> gateways) {
        this(gateways, PulseMetrics.NONE);
    }

    public ChatGateways(List<ChatGateway> gateways, PulseMetrics metrics) {
        gateways.forEach(g -> byPlatform.put(g.platform(), new CountingFailures(g, metrics)));
    }

    public ChatGateway of(Platform platform) {
        ChatGateway g = byPlatform.get(platform);
        if (g == null) {
            throw new ChatDeliveryException("platform " + platform.code() + " is not switched on");
        }
        return g;
    }

    public boolean isOn(Platform platform) {
        return byPlatform.containsKey(platform);
    }

    /** A gateway that counts what it could not deliver; the adapter has already retried what was worth it. */
    private record CountingFailures(ChatGateway gateway, PulseMetrics metrics) implements ChatGateway {

        @Override
        public Platform platform() {
            return gateway.platform();
        }

        @Override
        public int parallelSends() {
            return gateway.parallelSends();
        }

        @Override
        public MessageRef sendDirect(DirectAddress to, ChatMessage message) {
            return counted(() -> gateway.sendDirect(to, message));
        }

        @Override
        public MessageRef postToChannel(ChannelAddress to, ChatMessage message) {
            return counted(() -> gateway.postToChannel(to, message));
        }

        // The delivery id must reach the platform: it is what keeps a re-sent step from showing twice.
        @Override
        public MessageRef sendDirect(DirectAddress to, ChatMessage message, Delivery delivery) {
            return counted(() -> gateway.sendDirect(to, message, delivery));
        }

        @Override
        public MessageRef postToChannel(ChannelAddress to, ChatMessage message, Delivery delivery) {
            return counted(() -> gateway.postToChannel(to, message, delivery));
        }

        @Override
        public MessageRef replyInThread(MessageRef parent, ChatMessage message) {
            return counted(() -> gateway.replyInThread(parent, message));
        }

        @Override
        public void update(MessageRef ref, ChatMessage message) {
            counted(() -> {
                gateway.update(ref, message);
                return null;
            });
        }

        private <T> T counted(Supplier<T> delivery) {
            try {
                return delivery.get();
            } catch (ChatDeliveryException e) {
                metrics.deliveryFailed(gateway.platform());
                throw e;
            }
        }

        @Override
        public List<ChatUser> channelMembers(ChannelAddress channel) {
            return gateway.channelMembers(channel);
        }

        @Override
        public String channelName(ChannelAddress channel) {
            return gateway.channelName(channel);
        }

        @Override
        public Optional<String> personName(ChannelAddress channel, String userId) {
            return gateway.personName(channel, userId);
        }
    }
}
