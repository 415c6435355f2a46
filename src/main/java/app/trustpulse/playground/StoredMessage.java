package app.trustpulse.playground;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One message as the playground keeps it. {@code author} is {@code bot} or a user id; {@code content} is the
 * message in the playground's JSON shape.
 */
record StoredMessage(
        long id,
        String workspaceId,
        String conversationId,
        String author,
        Optional<String> ephemeralFor,
        String content,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static final String BOT = "bot";

    boolean visibleTo(String userId) {
        return ephemeralFor.map(userId::equals).orElse(true);
    }
}
