package app.trustpulse.teams;

import app.trustpulse.chat.Actions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code value} of an Adaptive Card submit into the clicks the core understands: one per chosen score or
 * "can't say" (action = the scale's prefix + choice), one per filled-in text input, one for a clicked button.
 */
final class CardSubmit {

    record Click(String action, Optional<String> input) {}

    private CardSubmit() {}

    static List<Click> read(JsonNode value) {
        List<Click> scores = new ArrayList<>();
        List<Click> inputs = new ArrayList<>();
        if (value == null || !value.isObject()) {
            return List.of();
        }
        String clicked = text(value.get(CardRenderer.ACTION_KEY)).orElse(null);
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            Optional<String> text = text(field.getValue());
            if (key.startsWith(CardRenderer.SCALE_PREFIX)) {
                text.filter(Actions::isScaleValue)
                        .ifPresent(s -> scores.add(
                                new Click(key.substring(CardRenderer.SCALE_PREFIX.length()) + s, Optional.empty())));
            } else if (key.startsWith(CardRenderer.INPUT_PREFIX)) {
                String action = key.substring(CardRenderer.INPUT_PREFIX.length());
                if (!action.equals(clicked) && text.isPresent()) {
                    inputs.add(new Click(action, text));
                }
            }
        }
        List<Click> clicks = new ArrayList<>(scores);
        clicks.addAll(inputs);
        if (clicked != null) {
            clicks.add(new Click(clicked, text(value.get(CardRenderer.INPUT_PREFIX + clicked))));
        }
        return clicks;
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return Optional.empty();
        }
        String s = node.asText().trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
