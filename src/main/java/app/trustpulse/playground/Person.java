package app.trustpulse.playground;

import app.trustpulse.chat.ChatUser;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Platform;
import java.time.ZoneId;
import java.util.Optional;

/** Someone in the playground's demo roster. */
record Person(String workspaceId, String userId, String displayName, Optional<ZoneId> timezone, boolean admin) {

    Sender sender() {
        return new Sender(Platform.PLAYGROUND, workspaceId, userId, displayName, admin);
    }

    ChatUser chatUser() {
        return new ChatUser(userId, displayName, timezone);
    }

    String dm() {
        return Conversations.dm(userId);
    }
}
