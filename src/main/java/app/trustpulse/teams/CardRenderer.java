package app.trustpulse.teams;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.Mentions;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.TextFormatTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a neutral message into a Teams message: plain text when it is one paragraph, otherwise an Adaptive Card
 * (version 1.5, the highest Teams renders). Every statement to rate becomes a choice set 1–5, and one submit
 * button sends all of them; a button that asks for text becomes a text input (inline on a check-in card, behind
 * a "show card" action elsewhere).
 */
class CardRenderer {

    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String SCALE_PREFIX = "tp_scale:";
    static final String INPUT_PREFIX = "tp_input:";
    static final String ACTION_KEY = "tp_action";
    static final String SUBMIT_KEY = "tp_submit";

    private static final Pattern BOLD = Pattern.compile("(?<![*\\w])\\*([^*\\n]+)\\*(?![*\\w])");

    /** A line break that is not part of a paragraph break: Teams' Markdown joins such lines. */
    private static final Pattern LONE_LINE_BREAK = Pattern.compile("(?<!\n)\n(?!\n)");

    private final Texts texts;

    CardRenderer(Texts texts) {
        this.texts = texts;
    }

    /**
     * People the core names as {@code <@id|name>} are shown by their name (a Teams mention would need an entity
     * each).
     */
    Activity render(ChatMessage neutral) {
        ChatMessage message = Mentions.byName(neutral);
        Activity activity = Activity.createMessageActivity();
        activity.setSummary(message.summary());
        if (message.blocks().size() == 1 && message.blocks().get(0) instanceof Block.Text text) {
            activity.setTextFormat(TextFormatTypes.MARKDOWN);
            activity.setText(markdown(text.text()));
            return activity;
        }
        Attachment card = new Attachment();
        card.setContentType(CONTENT_TYPE);
        // as a Jackson tree: the SDK's request validator walks plain maps and lists into JDK internals
        card.setContent(tree(card(message)));
        activity.setAttachments(List.of(card));
        return activity;
    }

    Map<String, Object> card(ChatMessage neutral) {
        ChatMessage message = Mentions.byName(neutral);
        boolean hasScales = message.blocks().stream().anyMatch(Block.Scale.class::isInstance);
        Language language = languageOf(message);
        List<Object> body = new ArrayList<>();
        List<Object> actions = new ArrayList<>();
        for (Block block : message.blocks()) {
            if (block instanceof Block.Header h) {
                body.add(textBlock(h.text(), "Large", "Bolder", false));
            } else if (block instanceof Block.Text t) {
                body.add(textBlock(t.text(), null, null, false));
            } else if (block instanceof Block.Context c) {
                body.add(textBlock(c.text(), "Small", null, true));
            } else if (block instanceof Block.Image i) {
                body.add(image(i));
            } else if (block instanceof Block.Scale s) {
                addScale(body, s);
            } else if (block instanceof Block.Buttons b) {
                addButtons(body, b, hasScales);
            } else if (block instanceof Block.ScoreTable t) {
                body.add(table(t));
            }
        }
        if (hasScales) {
            actions.add(0, submit(texts.get(language, "teams.card.send"), Map.of(SUBMIT_KEY, "answers"), true));
        }
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.5");
        card.put("body", body);
        if (!actions.isEmpty()) {
            card.put("actions", actions);
        }
        card.put("msteams", Map.of("width", "Full"));
        return card;
    }

    private static Map<String, Object> image(Block.Image i) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("type", "Image");
        image.put("url", i.url());
        image.put("altText", i.altText());
        image.put("size", "Stretch");
        return image;
    }

    private void addScale(List<Object> body, Block.Scale s) {
        body.add(textBlock(s.statement(), null, "Bolder", false));
        List<Object> choices = new ArrayList<>();
        for (Block.Choice choice : s.choices()) {
            choices.add(Map.of("title", choice.label(), "value", choice.value()));
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("type", "Input.ChoiceSet");
        input.put("id", SCALE_PREFIX + s.actionPrefix());
        input.put("style", "expanded");
        input.put("isMultiSelect", false);
        input.put("choices", choices);
        s.selected().ifPresent(v -> input.put("value", v));
        body.add(input);
        s.choices().stream()
                .filter(s::isSelected)
                .findFirst()
                .ifPresent(c -> body.add(textBlock("✔ " + c.label(), "Small", null, true)));
    }

    /** Buttons stay beside the text they belong to, as an action set in the body. */
    private void addButtons(List<Object> body, Block.Buttons block, boolean checkInCard) {
        List<Object> rowActions = new ArrayList<>();
        for (Button button : block.buttons()) {
            if (button.input().isPresent()) {
                Button.InputRequest request = button.input().get();
                Map<String, Object> input = textInput(button.action(), request);
                if (checkInCard) {
                    // sent along with the card's one submit button
                    body.add(input);
                } else {
                    Map<String, Object> inner = new LinkedHashMap<>();
                    inner.put("type", "AdaptiveCard");
                    inner.put("body", List.of(input));
                    inner.put("actions", List.of(submit(request.submit(), Map.of(ACTION_KEY, button.action()), true)));
                    Map<String, Object> show = new LinkedHashMap<>();
                    show.put("type", "Action.ShowCard");
                    show.put("title", button.label());
                    show.put("card", inner);
                    rowActions.add(show);
                }
            } else {
                Map<String, Object> submit = submit(
                        button.label(), Map.of(ACTION_KEY, button.action()), button.style() == Button.Style.PRIMARY);
                if (button.style() == Button.Style.DANGER) {
                    submit.put("style", "destructive");
                }
                rowActions.add(submit);
            }
        }
        if (!rowActions.isEmpty()) {
            body.add(Map.of("type", "ActionSet", "actions", rowActions));
        }
    }

    private static Map<String, Object> textInput(String action, Button.InputRequest request) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("type", "Input.Text");
        input.put("id", INPUT_PREFIX + action);
        input.put("label", request.label());
        input.put("placeholder", request.title());
        input.put("isMultiline", true);
        input.put("maxLength", request.maxLength());
        return input;
    }

    private static Map<String, Object> submit(String title, Map<String, String> data, boolean primary) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "Action.Submit");
        action.put("title", title);
        action.put("data", data);
        if (primary) {
            action.put("style", "positive");
        }
        return action;
    }

    private static Map<String, Object> table(Block.ScoreTable table) {
        List<Object> rows = new ArrayList<>();
        for (Block.ScoreRow row : table.rows()) {
            List<Object> columns = new ArrayList<>();
            columns.add(column(row.label(), "stretch", "Bolder"));
            columns.add(column(row.score(), "auto", null));
            columns.add(column(row.change(), "auto", null));
            columns.add(column(row.trend(), "auto", null));
            columns.add(column(row.answers(), "auto", null));
            rows.add(Map.of("type", "ColumnSet", "columns", columns));
        }
        return Map.of("type", "Container", "items", rows);
    }

    private static Map<String, Object> column(String text, String width, String weight) {
        return Map.of("type", "Column", "width", width, "items", List.of(textBlock(text, null, weight, false)));
    }

    private static Map<String, Object> textBlock(String text, String size, String weight, boolean subtle) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "TextBlock");
        block.put("text", markdown(text == null ? "" : text));
        block.put("wrap", true);
        if (size != null) {
            block.put("size", size);
        }
        if (weight != null) {
            block.put("weight", weight);
        }
        if (subtle) {
            block.put("isSubtle", true);
        }
        return block;
    }

    /**
     * The card's maps, lists and values as a Jackson tree, as the SDK's {@code Serialization.objectToTree} makes it;
     * this walk is a fraction of the cost of that generic one, which writes the card out and reads it back.
     */
    static JsonNode tree(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), tree(v)));
            return node;
        }
        if (value instanceof List<?> list) {
            ArrayNode node = JsonNodeFactory.instance.arrayNode(list.size());
            list.forEach(v -> node.add(tree(v)));
            return node;
        }
        if (value instanceof String text) {
            return JsonNodeFactory.instance.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return JsonNodeFactory.instance.booleanNode(flag);
        }
        if (value instanceof Integer number) {
            return JsonNodeFactory.instance.numberNode(number);
        }
        if (value instanceof Long number) {
            return JsonNodeFactory.instance.numberNode(number);
        }
        if (value instanceof Double number) {
            return JsonNodeFactory.instance.numberNode(number);
        }
        // anything else the card may hold one day is left to Jackson
        return Serialization.objectToTree(value);
    }

    /** The neutral markup (*bold*, line breaks) in the Markdown Teams renders. */
    static String markdown(String text) {
        String bold = text.indexOf('*') < 0 ? text : BOLD.matcher(text).replaceAll("**$1**");
        if (bold.indexOf('\n') < 0) {
            return bold;
        }
        return LONE_LINE_BREAK.matcher(bold.replace("\r\n", "\n")).replaceAll("\n\n");
    }

    /** The team's language, read from the "can't say" label of a check-in's scale; English when the message has none. */
    private Language languageOf(ChatMessage message) {
        for (Block block : message.blocks()) {
            if (block instanceof Block.Scale scale) {
                for (Language language : Language.values()) {
                    if (texts.has(language, "checkin.scale.cantSay")
                            && scale.choices().stream()
                                    .anyMatch(c -> c.label().equals(texts.get(language, "checkin.scale.cantSay")))) {
                        return language;
                    }
                }
            }
        }
        return Language.EN;
    }
}
