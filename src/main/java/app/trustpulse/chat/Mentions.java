package app.trustpulse.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the core names a person in a message: {@code <@userId|name>}. The core knows both, but only the platform knows
 * how its people are named in a channel, so each adapter shows the mark its own way: Slack as a mention of the id,
 * which Slack shows with the person's current name; Teams and the playground by the name.
 */
public final class Mentions {

    private static final Pattern PERSON = Pattern.compile("<@([^|<>\\s]+)\\|([^<>]*)>");

    private Mentions() {}

    /**
     * The mark for a person; a name that is blank stands as the id, characters that would break the mark are
     * dropped.
     */
    public static String person(String userId, String displayName) {
        String name = displayName == null
                ? ""
                : displayName.replaceAll("[<>|\\r\\n]", "").strip();
        return "<@" + userId + "|" + (name.isEmpty() ? userId : name) + ">";
    }

    /** The text with every mark replaced by what {@code shown} makes of its id and name. */
    public static String show(String text, BiFunction<String, String, String> shown) {
        if (text == null || text.indexOf("<@") < 0) {
            return text;
        }
        Matcher m = PERSON.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(shown.apply(m.group(1), m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The message with every mark in its summary, headers, texts and small print replaced as in {@link #show}. */
    public static ChatMessage show(ChatMessage message, BiFunction<String, String, String> shown) {
        List<Block> blocks = new ArrayList<>();
        for (Block b : message.blocks()) {
            if (b instanceof Block.Header h) {
                blocks.add(new Block.Header(show(h.text(), shown)));
            } else if (b instanceof Block.Text t) {
                blocks.add(new Block.Text(show(t.text(), shown)));
            } else if (b instanceof Block.Context c) {
                blocks.add(new Block.Context(show(c.text(), shown)));
            } else {
                blocks.add(b);
            }
        }
        return new ChatMessage(show(message.summary(), shown), blocks);
    }

    /** Every person named by their name, as where the platform has no mention the bot can write in plain text. */
    public static ChatMessage byName(ChatMessage message) {
        return show(message, (id, name) -> name);
    }
}
