package app.trustpulse.slack;

import app.trustpulse.chat.ChatMessage;
import com.slack.api.util.json.GsonFactory;
import java.util.Map;

/** A message as the Block Kit JSON Slack would get, for the playground's platform preview. */
public final class BlockKitPreview {

    private static final BlockKit BLOCK_KIT = new BlockKit(new SlackTexts());

    private BlockKitPreview() {
    }

    /** {@code {"text": ..., "blocks": [...]}}, as chat.postMessage would send it. */
    public static String json(ChatMessage message) {
        return GsonFactory.createSnakeCase().newBuilder().setPrettyPrinting().create()
                .toJson(Map.of("text", message.summary(), "blocks", BLOCK_KIT.message(message)));
    }
}
