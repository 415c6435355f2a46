package app.trustpulse.command;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Texts;
import java.util.List;

/** Short replies to the person who ran a command. */
final class Reply {

    private final Texts texts;

    Reply(Texts texts) {
        this.texts = texts;
    }

    ChatMessage text(Language lang, String key, Object... args) {
        return ChatMessage.text(texts.get(lang, key, args));
    }

    Texts texts() {
        return texts;
    }

    /** What was wrong, then the correct form. */
    ChatMessage error(Language lang, CommandError error) {
        String what = texts.get(lang, error.key(), error.args().toArray());
        if (error.usage().isEmpty()) {
            return ChatMessage.text(what);
        }
        String usage = texts.get(
                lang, "command.rightForm", texts.get(lang, error.usage().get().usageKey()));
        return new ChatMessage(what, List.of(new Block.Text(what), new Block.Context(usage)));
    }
}
