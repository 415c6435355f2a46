package app.trustpulse.chat;

import app.trustpulse.pulse.Platform;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The gateways of the platforms that are switched on, by platform. */
public final class ChatGateways {

    private final Map<Platform, ChatGateway> byPlatform = new EnumMap<>(Platform.class);

    public ChatGateways(List<ChatGateway> gateways) {
        gateways.forEach(g -> byPlatform.put(g.platform(), g));
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
}
