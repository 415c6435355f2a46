package app.trustpulse.nudge;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Texts;
import java.util.List;
import java.util.Optional;

/** How a nudge reads: the act, one line on why with its source, and "I tried it" / "not yet". */
final class NudgeMessages {

    private final NudgeCatalog catalog;
    private final Texts texts;

    NudgeMessages(NudgeCatalog catalog, Texts texts) {
        this.catalog = catalog;
        this.texts = texts;
    }

    public List<Block> nudgeBlocks(Language lang, NudgeSelector.Pick pick, long sentId) {
        String text = pick.nudge().textFor(texts.dimensionName(lang, pick.dimension()));
        return List.of(
                new Block.Text("*" + texts.dimensionName(lang, pick.dimension()) + "* — " + text),
                new Block.Context(whyLine(lang, pick.nudge())),
                reactions(lang, sentId));
    }

    /** The why with what it rests on: research, a practitioner's text, or a practice tip. */
    public String whyLine(Language lang, Nudge nudge) {
        return whyLine(texts, lang, nudge);
    }

    /** The same for any nudge or reflection question, wherever it is shown. */
    public static String whyLine(Texts texts, Language lang, Nudge nudge) {
        return switch (nudge.evidence()) {
            case PRACTICE_TIP -> texts.get(lang, "nudge.practiceTip", nudge.why());
            case RESEARCH -> texts.get(lang, "nudge.research", nudge.why(), nudge.source());
            case PRACTITIONER -> texts.get(lang, "nudge.practitioner", nudge.why(), nudge.source());
        };
    }

    /** A nudge from an earlier week that the leader has not reacted to yet. */
    public Optional<List<Block>> earlierNudge(Language lang, SentNudge sent) {
        return catalog.find(lang, sent.nudgeId())
                .map(n -> List.of(
                        new Block.Text(texts.get(
                                lang,
                                "nudge.earlier",
                                n.textFor(sent.dimension()
                                        .map(d -> texts.dimensionName(lang, d))
                                        .orElse("")))),
                        reactions(lang, sent.id())));
    }

    private Block reactions(Language lang, long sentId) {
        return new Block.Buttons(List.of(
                Button.primary(texts.get(lang, "nudge.tried"), Actions.nudge(sentId, true)),
                Button.of(texts.get(lang, "nudge.notYet"), Actions.nudge(sentId, false))));
    }
}
