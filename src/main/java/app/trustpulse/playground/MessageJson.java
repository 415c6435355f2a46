package app.trustpulse.playground;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The playground's own JSON shape of a {@link ChatMessage}: a summary and a list of blocks, each with a
 * {@code type} (Header, Text, Context, Scale, Buttons, ScoreTable). Absent optionals are written as null. A reply in a
 * thread also carries {@code replyTo}, the id of the message it answers.
 */
final class MessageJson {

    /** The field a reply in a thread carries: the id of the message it answers. */
    static final String REPLY_TO = "replyTo";

    private final JsonMapper mapper = JsonMapper.builder().build();

    String write(ChatMessage message) {
        return mapper.writeValueAsString(toTree(message));
    }

    /** A reply under another message of the same conversation: the message with the id it answers. */
    String writeReply(ChatMessage message, long parentId) {
        ObjectNode root = toTree(message);
        root.put(REPLY_TO, parentId);
        return mapper.writeValueAsString(root);
    }

    ChatMessage read(String json) {
        return fromTree(tree(json));
    }

    JsonNode tree(String json) {
        return mapper.readTree(json);
    }

    /**
     * A stored message in today's shape, so the page never meets a block written by an older version; people the core
     * names as {@code <@id|name>} as the playground's own mentions, "@name". The stored message keeps the mark, so the
     * Slack and Teams previews show each platform's way.
     */
    JsonNode current(String json) {
        ObjectNode current = toTree(app.trustpulse.chat.Mentions.show(read(json), (id, name) -> "@" + name));
        JsonNode replyTo = tree(json).path(REPLY_TO);
        if (replyTo.isNumber()) {
            current.put(REPLY_TO, replyTo.longValue());
        }
        return current;
    }

    /** Every action a click on this message may send, with whether it asks for text first. */
    List<ClickTarget> clickTargets(String json) {
        List<ClickTarget> targets = new ArrayList<>();
        for (Block block : read(json).blocks()) {
            if (block instanceof Block.Scale scale) {
                for (Block.Choice choice : scale.choices()) {
                    targets.add(new ClickTarget(scale.actionPrefix() + choice.value(), Optional.empty()));
                }
            } else if (block instanceof Block.Buttons buttons) {
                buttons.buttons().forEach(b -> targets.add(new ClickTarget(b.action(), b.input())));
            }
        }
        return targets;
    }

    record ClickTarget(String action, Optional<Button.InputRequest> input) {}

    ObjectNode toTree(ChatMessage message) {
        ObjectNode root = mapper.createObjectNode();
        root.put("summary", message.summary());
        ArrayNode blocks = root.putArray("blocks");
        message.blocks().forEach(b -> blocks.add(block(b)));
        return root;
    }

    private ObjectNode block(Block block) {
        ObjectNode node = mapper.createObjectNode();
        if (block instanceof Block.Header h) {
            node.put("type", "Header").put("text", h.text());
        } else if (block instanceof Block.Text t) {
            node.put("type", "Text").put("text", t.text());
        } else if (block instanceof Block.Context c) {
            node.put("type", "Context").put("text", c.text());
        } else if (block instanceof Block.Image i) {
            node.put("type", "Image").put("url", i.url()).put("altText", i.altText());
        } else if (block instanceof Block.Scale s) {
            node.put("type", "Scale").put("statement", s.statement()).put("actionPrefix", s.actionPrefix());
            ArrayNode choices = node.putArray("choices");
            s.choices().forEach(c -> choices.addObject().put("value", c.value()).put("label", c.label()));
            s.selected().ifPresentOrElse(v -> node.put("selected", v), () -> node.putNull("selected"));
        } else if (block instanceof Block.Buttons bs) {
            node.put("type", "Buttons");
            ArrayNode buttons = node.putArray("buttons");
            bs.buttons().forEach(b -> buttons.add(button(b)));
        } else if (block instanceof Block.ScoreTable table) {
            node.put("type", "ScoreTable");
            ArrayNode headers = node.putArray("headers");
            table.headers().forEach(headers::add);
            ArrayNode rows = node.putArray("rows");
            for (Block.ScoreRow r : table.rows()) {
                rows.addObject()
                        .put("label", r.label())
                        .put("score", r.score())
                        .put("change", r.change())
                        .put("trend", r.trend())
                        .put("answers", r.answers());
            }
        } else {
            throw new IllegalArgumentException(
                    "unknown block " + block.getClass().getName());
        }
        return node;
    }

    private ObjectNode button(Button b) {
        ObjectNode node = mapper.createObjectNode()
                .put("label", b.label())
                .put("action", b.action())
                .put("style", b.style().name());
        b.input()
                .ifPresentOrElse(
                        in -> node.putObject("input")
                                .put("title", in.title())
                                .put("label", in.label())
                                .put("submit", in.submit())
                                .put("maxLength", in.maxLength()),
                        () -> node.putNull("input"));
        return node;
    }

    private ChatMessage fromTree(JsonNode root) {
        List<Block> blocks = new ArrayList<>();
        for (JsonNode node : root.path("blocks").values()) {
            blocks.add(block(node));
        }
        return new ChatMessage(text(root, "summary"), blocks);
    }

    private Block block(JsonNode n) {
        String type = text(n, "type");
        return switch (type) {
            case "Header" -> new Block.Header(text(n, "text"));
            case "Text" -> new Block.Text(text(n, "text"));
            case "Context" -> new Block.Context(text(n, "text"));
            case "Image" -> new Block.Image(text(n, "url"), text(n, "altText"));
            case "Scale" -> scale(n);
            case "Buttons" -> {
                List<Button> buttons = new ArrayList<>();
                n.path("buttons").values().forEach(b -> buttons.add(button(b)));
                yield new Block.Buttons(buttons);
            }
            case "ScoreTable" -> {
                List<Block.ScoreRow> rows = new ArrayList<>();
                n.path("rows")
                        .values()
                        .forEach(r -> rows.add(new Block.ScoreRow(
                                text(r, "label"),
                                text(r, "score"),
                                text(r, "change"),
                                text(r, "trend"),
                                text(r, "answers"))));
                List<String> headers = new ArrayList<>();
                n.path("headers").values().forEach(h -> headers.add(h.asString()));
                yield new Block.ScoreTable(rows, headers);
            }
            default -> throw new IllegalArgumentException("unknown block type " + type);
        };
    }

    /** A scale; one stored before scales had a label per choice reads as five numbered choices. */
    private static Block.Scale scale(JsonNode n) {
        List<Block.Choice> choices = new ArrayList<>();
        if (n.path("choices").isArray()) {
            n.path("choices").values().forEach(c -> choices.add(new Block.Choice(text(c, "value"), text(c, "label"))));
        } else {
            for (int score = 1; score <= 5; score++) {
                String label = score == 1
                        ? "1 · " + text(n, "lowLabel")
                        : score == 5 ? "5 · " + text(n, "highLabel") : String.valueOf(score);
                choices.add(new Block.Choice(String.valueOf(score), label));
            }
        }
        JsonNode selected = n.path("selected");
        Optional<String> picked =
                selected.isNull() || selected.isMissingNode() ? Optional.empty() : Optional.of(selected.asString());
        return new Block.Scale(text(n, "statement"), text(n, "actionPrefix"), choices, picked);
    }

    private Button button(JsonNode n) {
        JsonNode in = n.path("input");
        Optional<Button.InputRequest> input = in.isObject()
                ? Optional.of(new Button.InputRequest(
                        text(in, "title"),
                        text(in, "label"),
                        text(in, "submit"),
                        in.path("maxLength").intValue()))
                : Optional.empty();
        return new Button(text(n, "label"), text(n, "action"), Button.Style.valueOf(text(n, "style")), input);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }
}
