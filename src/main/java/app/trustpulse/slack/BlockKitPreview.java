package app.trustpulse.slack;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.MessagePreview;
import app.trustpulse.pulse.Platform;
import com.slack.api.util.json.GsonFactory;
import java.util.Map;

/** A message as the Block Kit JSON Slack would get, for the playground's platform preview. */
final class BlockKitPreview implements MessagePreview {

    /**
     * Made on the first preview, not when the playground starts: Block Kit's Gson loads some hundred classes that a
     * service nobody has opened the playground of does not need.
     */
    private static final class Rendering {
        static final BlockKit BLOCK_KIT = new BlockKit(new SlackTexts());
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    /** {@code {"text": ..., "blocks": [...]}}, as chat.postMessage would send it. */
    @Override
    public String json(ChatMessage message) {
        return GsonFactory.createSnakeCase()
                .newBuilder()
                .setPrettyPrinting()
                .create()
                .toJson(Map.of("text", BlockKit.text(message), "blocks", Rendering.BLOCK_KIT.message(message)));
    }
}
