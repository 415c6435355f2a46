package app.trustpulse.playground;

import java.util.Optional;

/** The playground's conversation ids: {@code dm:<userId>} and {@code channel:<channelId>}. */
final class Conversations {

    private static final String DM = "dm:";
    private static final String CHANNEL = "channel:";

    private Conversations() {}

    static String dm(String userId) {
        return DM + userId;
    }

    static String channel(String channelId) {
        return CHANNEL + channelId;
    }

    static Optional<String> dmUser(String conversationId) {
        return conversationId.startsWith(DM) ? Optional.of(conversationId.substring(DM.length())) : Optional.empty();
    }

    static Optional<String> channelId(String conversationId) {
        return conversationId.startsWith(CHANNEL)
                ? Optional.of(conversationId.substring(CHANNEL.length()))
                : Optional.empty();
    }
}
