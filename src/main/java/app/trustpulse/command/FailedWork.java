package app.trustpulse.command;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.ParkedWork;
import app.trustpulse.pulse.Texts;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * "work": the service's queued work that failed all of its tries and was parked, for admins: the list (kind, tries,
 * when, the kind of error, never what the work carries), and retrying or dropping one piece or all of them.
 */
final class FailedWork {

    /** A chat message has room for this many lines; the rest is counted. */
    static final int LISTED = 20;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ParkedWork parked;
    private final Reply reply;
    private final Texts texts;

    FailedWork(ParkedWork parked, Reply reply, Texts texts) {
        this.parked = parked;
        this.reply = reply;
        this.texts = texts;
    }

    ChatMessage run(Command.Work c, Language lang) {
        return switch (c.action()) {
            case LIST -> list(lang);
            case RETRY ->
                c.id().isEmpty()
                        ? reply.text(lang, "work.retriedAll", parked.retryAll(), parked.count())
                        : reply.text(
                                lang,
                                switch (parked.retry(c.id().getAsLong())) {
                                    case RETRIED -> "work.retried";
                                    case ALREADY_QUEUED -> "work.alreadyQueued";
                                    case NOT_FOUND -> "work.unknown";
                                },
                                c.id().getAsLong());
            case DROP ->
                c.id().isEmpty()
                        ? reply.text(lang, "work.droppedAll", parked.dropAll())
                        : reply.text(
                                lang,
                                parked.drop(c.id().getAsLong()) ? "work.dropped" : "work.unknown",
                                c.id().getAsLong());
        };
    }

    /** The line admins see in "status" when something is parked. */
    String statusLine(Language lang) {
        int n = parked.count();
        return n == 0 ? null : texts.get(lang, "status.work", n);
    }

    private ChatMessage list(Language lang) {
        int total = parked.count();
        if (total == 0) {
            return reply.text(lang, "work.none");
        }
        List<String> lines = new ArrayList<>();
        for (ParkedWork.Parked p : parked.list(LISTED)) {
            lines.add(texts.get(
                    lang,
                    "work.item",
                    p.id(),
                    p.kind(),
                    p.attempts(),
                    WHEN.format(p.parkedAt()),
                    p.failure() == null ? "—" : p.failure()));
        }
        if (total > LISTED) {
            lines.add(texts.get(lang, "work.more", total - LISTED));
        }
        String title = texts.get(lang, "work.title", total);
        return new ChatMessage(
                title,
                List.of(
                        new Block.Text(title),
                        new Block.Text(String.join("\n", lines)),
                        new Block.Context(texts.get(lang, "work.howTo"))));
    }
}
