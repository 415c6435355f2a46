package app.trustpulse.promise;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.Mentions;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.Texts;
import java.util.List;
import java.util.Optional;

/** How promises read, in the team's language: in the pulse, the digest, the check-in and the replies to a leader. */
final class PromiseTexts {

    private final Texts texts;

    PromiseTexts(Texts texts) {
        this.texts = texts;
    }

    public String get(Team team, String key, Object... args) {
        return texts.get(team.language(), key, args);
    }

    public String get(Language language, String key, Object... args) {
        return texts.get(language, key, args);
    }

    public String dimension(Team team, Dimension d) {
        return texts.dimensionName(team.language(), d);
    }

    /** "Our focus: Safety — Lee promises: “…”", the leader named the way their platform names people. */
    public String promiseLine(Team team, Promise p, String leaderName) {
        return get(
                team, "promise.line", dimension(team, p.focus()), Mentions.person(p.leaderId(), leaderName), p.text());
    }

    /** What the team answered about a promise in its latest counted week, or that the count stays hidden. */
    public String tallyLine(Team team, Tally t) {
        if (t.withheld()) {
            return get(team, "promise.noticed.withheld", t.week().week(), team.threshold());
        }
        Tally.Counts c = t.counts().orElseThrow();
        return get(team, "promise.noticed", t.week().week(), c.yes(), c.partly(), c.no(), c.cantSay());
    }

    /** "What your answers set going: 2 focus areas this quarter; 3 of 4 promises noticed"; empty without promises. */
    public Optional<String> loopLine(Team team, TrustAccount account) {
        if (account.empty()) {
            return Optional.empty();
        }
        return Optional.of(
                account.asked() == 0
                        ? get(team, "promise.loop.notAsked", account.focusAreas(), account.promises())
                        : get(team, "promise.loop", account.focusAreas(), account.noticed(), account.asked()));
    }

    /** The optional question about one promise on a member's check-in, with what they picked so far. */
    public Block question(Team team, Promise p, String leaderName, long checkInId, Optional<Noticed> picked) {
        List<Block.Choice> choices = List.of(
                new Block.Choice(Noticed.YES.code(), get(team, "promise.answer.yes")),
                new Block.Choice(Noticed.PARTLY.code(), get(team, "promise.answer.partly")),
                new Block.Choice(Noticed.NO.code(), get(team, "promise.answer.no")),
                new Block.Choice(Noticed.CANT_SAY.code(), get(team, "promise.answer.cantSay")));
        return new Block.Scale(
                get(team, "promise.question", Mentions.person(p.leaderId(), leaderName), p.text()),
                Actions.noticedPrefix(checkInId, p.id()),
                choices,
                picked.map(Noticed::code));
    }

    public String questionPrivacy(Team team) {
        return get(team, "promise.question.privacy", team.threshold());
    }

    /** The button that asks a leader for a promise in their own words; {@code focus} is the one suggested. */
    public Button ownWords(Team team, String label, Optional<Dimension> focus, Optional<Dimension> shown) {
        return Button.withInput(
                label,
                Actions.promiseInOwnWords(team.id(), focus),
                new Button.InputRequest(
                        get(team, "promise.input.title"),
                        shown.map(d -> get(team, "promise.input.label", dimension(team, d)))
                                .orElseGet(() -> get(team, "promise.input.label.noFocus")),
                        get(team, "promise.input.submit"),
                        Promise.MAX_LENGTH));
    }

    /** Change the wording, or end it: what a leader can do with the promise they have. */
    public Block.Buttons changeOrEnd(Team team, Promise p) {
        return new Block.Buttons(List.of(
                ownWords(team, get(team, "promise.change"), Optional.empty(), Optional.of(p.focus())),
                Button.danger(get(team, "promise.end"), Actions.endPromise(team.id()))));
    }
}
