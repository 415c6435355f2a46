package app.trustpulse.teams;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.MessagePreview;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Texts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/** A message as the Bot Framework activity Teams would get (an Adaptive Card, or Markdown text), for the playground. */
final class AdaptiveCardPreview implements MessagePreview {

    private static final CardRenderer RENDERER = new CardRenderer(new Texts());

    /**
     * Made on the first preview, not when the playground starts: Jackson's object mapper loads some hundreds of
     * classes that a service nobody has opened the playground of does not need.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    @Override
    public String json(ChatMessage message) {
        var activity = RENDERER.render(message);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("type", "message");
        shown.put("summary", activity.getSummary());
        if (activity.getAttachments() == null || activity.getAttachments().isEmpty()) {
            shown.put("textFormat", "markdown");
            shown.put("text", activity.getText());
        } else {
            shown.put(
                    "attachments",
                    java.util.List.of(Map.of(
                            "contentType", activity.getAttachments().get(0).getContentType(),
                            "content", RENDERER.card(message))));
        }
        try {
            return Json.MAPPER.writeValueAsString(shown);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an Adaptive Card that cannot be written as JSON", e);
        }
    }
}
