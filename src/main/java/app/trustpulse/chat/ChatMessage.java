package app.trustpulse.chat;

import java.util.List;

/**
 * A platform-neutral message: a plain-text summary (for notifications and fallbacks) and blocks that
 * each adapter renders its own way (Block Kit, Adaptive Cards, the playground page).
 * Text uses a small markup that every adapter understands: *bold* and line breaks.
 */
public record ChatMessage(String summary, List<Block> blocks) {

    public ChatMessage {
        blocks = List.copyOf(blocks);
    }

    public static ChatMessage text(String text) {
        return new ChatMessage(text, List.of(new Block.Text(text)));
    }
}
