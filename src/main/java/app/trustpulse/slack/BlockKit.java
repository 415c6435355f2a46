package app.trustpulse.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.image;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.Mentions;
import app.trustpulse.pulse.Language;
import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.SlackFileObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the neutral message model as Block Kit, within Block Kit's limits. Buttons carry the core's action string
 * as their {@code value}; the {@code action_id} only says how to handle the click and keeps ids unique in a message.
 */
class BlockKit {

    static final String SCALE = "tp:scale:";
    static final String BUTTON = "tp:btn:";
    static final String ASK = "tp:ask:";
    static final String INPUT_CALLBACK = "tp:input";
    static final String INPUT_BLOCK = "tp:input";
    static final String INPUT_ACTION = "text";

    static final int MESSAGE_BLOCKS = 50;
    static final int SURFACE_BLOCKS = 100;
    private static final int SECTION_TEXT = 3000;
    private static final int HEADER_TEXT = 150;
    private static final int IMAGE_ALT_TEXT = 2000;
    private static final int BUTTON_TEXT = 75;
    private static final int ACTIONS_PER_BLOCK = 25;
    private static final int VIEW_TEXT = 24;
    private static final Pattern KEEP = Pattern.compile("<[@#][A-Z0-9]+>|<![a-z]+>");
    private static final Gson GSON = new Gson();

    private final SlackTexts texts;

    BlockKit(SlackTexts texts) {
        this.texts = texts;
    }

    /** What a button with an input request needs to open its modal. */
    record Ask(String action, String title, String label, String submit, int maxLength) {}

    /** The blocks of a message; none (null) when it is text only, as Slack refuses an empty block list. */
    List<LayoutBlock> message(ChatMessage message) {
        List<LayoutBlock> blocks = render(message, MESSAGE_BLOCKS);
        return blocks.isEmpty() ? null : blocks;
    }

    /** The message without the images it shows from uploaded files, for when Slack refuses to show them. */
    static ChatMessage withoutUploadedImages(ChatMessage message) {
        return new ChatMessage(
                message.summary(),
                message.blocks().stream()
                        .filter(b -> !(b instanceof Block.Image i
                                && i.platformFileId().isPresent()))
                        .toList());
    }

    /**
     * Blocks as JSON without the image blocks that show an uploaded file; empty when there are none. The text table
     * beside a chart says the same, so the message can go without it.
     */
    static Optional<String> withoutUploadedImages(String blocksJson) {
        if (blocksJson == null || !blocksJson.contains("slack_file")) {
            return Optional.empty();
        }
        com.google.gson.JsonArray blocks =
                com.google.gson.JsonParser.parseString(blocksJson).getAsJsonArray();
        com.google.gson.JsonArray kept = new com.google.gson.JsonArray();
        for (com.google.gson.JsonElement b : blocks) {
            if (!(b.isJsonObject() && b.getAsJsonObject().has("slack_file"))) {
                kept.add(b);
            }
        }
        return kept.size() == blocks.size() ? Optional.empty() : Optional.of(kept.toString());
    }

    /** The App Home tab; a notice (the answer to a click on the tab) goes on top. */
    View home(Optional<ChatMessage> notice, ChatMessage home) {
        List<LayoutBlock> blocks = new ArrayList<>();
        notice.ifPresent(n -> {
            blocks.addAll(render(n, SURFACE_BLOCKS / 4));
            blocks.add(divider());
        });
        blocks.addAll(render(home, SURFACE_BLOCKS - blocks.size()));
        return view(v -> v.type("home").blocks(blocks));
    }

    View modal(Ask ask, String privateMetadata, Language language) {
        return view(v -> v.type("modal")
                .callbackId(INPUT_CALLBACK)
                .privateMetadata(privateMetadata)
                .title(viewTitle(t -> t.type("plain_text").text(cut(ask.title(), VIEW_TEXT))))
                .submit(viewSubmit(s -> s.type("plain_text").text(cut(ask.submit(), VIEW_TEXT))))
                .close(viewClose(
                        c -> c.type("plain_text").text(cut(texts.get(language, "slack.modal.close"), VIEW_TEXT))))
                .blocks(List.of(input(i -> i.blockId(INPUT_BLOCK)
                        .label(plainText(cut(ask.label(), 2000)))
                        .element(plainTextInput(p -> p.actionId(INPUT_ACTION)
                                .multiline(true)
                                .maxLength(Math.max(1, Math.min(ask.maxLength(), 3000)))))))));
    }

    static Optional<Ask> readAsk(String value) {
        try {
            return Optional.ofNullable(GSON.fromJson(value, Ask.class)).filter(a -> a.action() != null);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The notification text of a message. The core names people as {@code <@id|name>}; Slack takes the id alone and
     * shows the person's current name, linked to them.
     */
    static String text(ChatMessage message) {
        return Mentions.show(message.summary(), BlockKit::mention);
    }

    private static String mention(String userId, String name) {
        return "<@" + userId + ">";
    }

    /** Renders the blocks that fit; if some do not, an ellipsis shows that the message goes on. */
    private List<LayoutBlock> render(ChatMessage message, int maxBlocks) {
        List<LayoutBlock> out = new ArrayList<>();
        int index = 0;
        for (Block block : Mentions.show(message, BlockKit::mention).blocks()) {
            List<LayoutBlock> rendered = render(block, index++);
            if (out.size() + rendered.size() > maxBlocks - 1) {
                out.add(context(List.of(markdownText("…"))));
                break;
            }
            out.addAll(rendered);
        }
        return out;
    }

    private List<LayoutBlock> render(Block block, int index) {
        List<LayoutBlock> out = new ArrayList<>();
        if (block instanceof Block.Header h) {
            out.add(header(b -> b.text(plainText(cut(h.text().replace("*", ""), HEADER_TEXT)))));
        } else if (block instanceof Block.Text t) {
            for (String part : split(escape(t.text()), SECTION_TEXT)) {
                out.add(section(s -> s.text(markdownText(part))));
            }
        } else if (block instanceof Block.Context c) {
            out.add(context(List.of(markdownText(cut(escape(c.text()), SECTION_TEXT)))));
        } else if (block instanceof Block.Image i) {
            String alt = cut(i.altText(), IMAGE_ALT_TEXT);
            out.add(
                    i.platformFileId().isPresent()
                            ? image(b -> b.slackFile(SlackFileObject.builder()
                                            .id(i.platformFileId().get())
                                            .build())
                                    .altText(alt))
                            : image(b -> b.imageUrl(i.url()).altText(alt)));
        } else if (block instanceof Block.Scale s) {
            out.add(section(b -> b.text(markdownText(cut(escape(s.statement()), SECTION_TEXT)))));
            List<BlockElement> buttons = new ArrayList<>();
            for (Block.Choice choice : s.choices()) {
                boolean picked = s.isSelected(choice);
                String actionId = SCALE + index + ":" + choice.value();
                buttons.add(button(b -> b.actionId(actionId)
                        .value(s.actionPrefix() + choice.value())
                        .text(plainText(cut((picked ? "✓ " : "") + choice.label(), BUTTON_TEXT)))
                        .style(picked ? "primary" : null)));
            }
            out.add(actions(a -> a.blockId("tp:b" + index).elements(buttons)));
        } else if (block instanceof Block.Buttons bs) {
            List<Button> all = bs.buttons();
            for (int from = 0; from < all.size(); from += ACTIONS_PER_BLOCK) {
                List<BlockElement> row = new ArrayList<>();
                for (int i = from; i < Math.min(all.size(), from + ACTIONS_PER_BLOCK); i++) {
                    row.add(toButton(all.get(i), index, i));
                }
                out.add(actions(row));
            }
        } else if (block instanceof Block.ScoreTable table) {
            for (Block.ScoreRow row : table.rows()) {
                out.add(section(s -> s.fields(scoreFields(row))));
            }
        }
        return out;
    }

    private static BlockElement toButton(Button b, int block, int i) {
        String style = switch (b.style()) {
            case PRIMARY -> "primary";
            case DANGER -> "danger";
            case DEFAULT -> null;
        };
        String actionId;
        String value;
        if (b.input().isPresent()) {
            Button.InputRequest in = b.input().get();
            actionId = ASK + block + ":" + i;
            value = GSON.toJson(new Ask(b.action(), in.title(), in.label(), in.submit(), in.maxLength()));
        } else {
            actionId = BUTTON + block + ":" + i;
            value = b.action();
        }
        return button(x -> x.actionId(actionId)
                .value(value)
                .text(plainText(cut(b.label(), BUTTON_TEXT)))
                .style(style));
    }

    private static List<TextObject> scoreFields(Block.ScoreRow row) {
        StringBuilder left = new StringBuilder("*").append(escape(row.label())).append('*');
        if (!isBlank(row.trend())) {
            left.append("\n`").append(row.trend()).append('`');
        }
        StringBuilder right = new StringBuilder(escape(row.score()));
        if (!isBlank(row.change())) {
            right.append("   ").append(escape(row.change()));
        }
        if (!isBlank(row.answers())) {
            right.append('\n').append(escape(row.answers()));
        }
        return List.of(markdownText(left.toString()), markdownText(right.toString()));
    }

    /** Escapes Slack's control characters, keeping user and channel mentions the core wrote as {@code <@U…>}. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = KEEP.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(escapePlain(text.substring(at, m.start()))).append(m.group());
            at = m.end();
        }
        return out.append(escapePlain(text.substring(at))).toString();
    }

    private static String escapePlain(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text.isEmpty() ? " " : text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut <= 0) {
                cut = max;
            }
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        parts.add(rest);
        return parts;
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
