package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.Mentions;
import app.trustpulse.inbound.Interaction;
import app.trustpulse.inbound.Sender;
import app.trustpulse.promise.Promise;
import app.trustpulse.promise.PromiseRepository;
import app.trustpulse.promise.Tally;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import app.trustpulse.summary.ClosingWeeks;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The loop closed, end to end through the inbox: a leader picks a focus and a promise in the digest, the next pulse
 * shows it with the leader named, the members' check-in asks whether they noticed it, and the kept count reaches the
 * channel only at or above the team's threshold.
 */
class PromisesTest extends EngineTest {

    private static final String WORDS = "I will ask for a dissenting view in every planning meeting";

    @Autowired
    ClosingWeeks closing;

    @Autowired
    PromiseRepository promises;

    @Test
    void aLeaderPicksAFocusFromTheDigestAndTheNextPulseShowsIt() {
        Ws ws = new Ws().setUp(4);
        WeekId last = ws.week().minus(1);
        closing.closeWeek(ws.team().id(), last);
        ChatMessage digest = digestOf(ws, last);
        Button own = buttons(digest).stream()
                .filter(b ->
                        b.action().equals(Actions.promiseInOwnWords(ws.team().id(), firstTip(digest))))
                .findFirst()
                .orElseThrow();
        assertThat(own.input()).as("asks for the words").isPresent();
        assertThat(text(digest)).contains(en("promise.digest.title"));

        Optional<ChatMessage> made = inbox.interaction(
                new Interaction(ws.leader, own.action(), Optional.of("safety: " + WORDS), Optional.empty()));

        assertThat(made).isPresent();
        assertThat(text(made.get())).contains(WORDS).contains(en("promise.end"));
        ws.clear();
        ws.command(ws.admin, "close-week");
        ChatMessage pulse = ws.posts().get(0).message();
        assertThat(lines(pulse))
                .contains(en(
                        "promise.line",
                        texts.dimensionName(app.trustpulse.pulse.Language.EN, Dimension.SAFETY),
                        Mentions.person(ws.leader.userId(), "Lena"),
                        WORDS));
        assertThat(text(ws.digest()))
                .contains(en(
                        "promise.yours",
                        texts.dimensionName(app.trustpulse.pulse.Language.EN, Dimension.SAFETY),
                        WORDS,
                        ws.week().week()));
    }

    @Test
    void aTipBecomesThePromiseWithOneClickAndTheLeaderCanChangeOrEndIt() {
        Ws ws = new Ws().setUp(4);
        ws.command(ws.admin, "send-now");
        for (int i = 1; i <= 4; i++) {
            ws.dm(ws.member(i), "4 4 4 4 4 2");
        }
        ws.command(ws.admin, "close-week");
        Button tip = buttons(ws.digest()).stream()
                .filter(b -> b.action().startsWith("promise:") && b.action().contains(":tip:"))
                .findFirst()
                .orElseThrow();

        ChatMessage made = ws.click(ws.leader, tip.action()).orElseThrow();

        Promise p = promises.active(ws.team().id()).get(0);
        assertThat(p.leaderId()).isEqualTo(ws.leader.userId());
        assertThat(made.summary()).contains(p.text());
        assertThat(ws.click(ws.member(1), tip.action()).map(ChatMessage::summary))
                .contains(en("promise.notLeader"));
        Optional<ChatMessage> reworded = inbox.interaction(new Interaction(
                ws.leader,
                Actions.promiseInOwnWords(ws.team().id(), Optional.empty()),
                Optional.of(WORDS),
                Optional.empty()));
        assertThat(reworded.map(ChatMessage::summary).orElseThrow()).contains(WORDS);
        assertThat(promises.active(ws.team().id()))
                .singleElement()
                .satisfies(q -> assertThat(q.text()).isEqualTo(WORDS));
        assertThat(ws.click(ws.leader, Actions.endPromise(ws.team().id())).map(ChatMessage::summary))
                .contains(en("promise.ended"));
        assertThat(promises.active(ws.team().id())).isEmpty();
    }

    @Test
    void theCommandMakesShowsAndEndsAPromiseAndSaysTheRightFormForBadInput() {
        Ws ws = new Ws().setUp(3);

        assertThat(ws.command(ws.member(1), "promise safety " + WORDS).summary())
                .isEqualTo(en("refused.leader", "promise"));
        assertThat(text(ws.command(ws.leader, "promise listen more")))
                .contains(en("command.promise.dimension", "listen"))
                .contains(en("usage.promise"));
        assertThat(text(ws.command(ws.leader, "promise veiligheid")))
                .contains(en("command.promise.empty", "veiligheid"));
        assertThat(promises.active(ws.team().id())).isEmpty();

        assertThat(ws.command(ws.leader, "promise safety " + WORDS).summary())
                .isEqualTo(en(
                        "promise.made",
                        texts.dimensionName(app.trustpulse.pulse.Language.EN, Dimension.SAFETY),
                        WORDS,
                        ws.week().plus(2).week()));
        assertThat(text(ws.command(ws.leader, "promise")))
                .contains(en(
                        "promise.yours",
                        texts.dimensionName(app.trustpulse.pulse.Language.EN, Dimension.SAFETY),
                        WORDS,
                        ws.week().week()));
        assertThat(ws.command(ws.leader, "promise end").summary()).isEqualTo(en("promise.ended"));
        assertThat(ws.command(ws.leader, "promise end").summary()).isEqualTo(en("promise.none"));
    }

    @Test
    void twoWeeksOnTheCheckInAsksWhetherTheyNoticedAndTheCountIsWithheldBelowTheThreshold() {
        Ws ws = new Ws().setUp(4);
        long id = promiseMadeTwoWeeksAgo(ws);
        ws.command(ws.admin, "send-now");

        List<Block.Scale> asked = noticedScales(ws, ws.member(1));
        assertThat(asked)
                .singleElement()
                .satisfies(s -> assertThat(s.statement())
                        .isEqualTo(en("promise.question", Mentions.person("UL", "Lena"), WORDS)));
        assertThat(ws.checkInsTo(ws.leader).stream().flatMap(d -> scales(d.message()).stream()))
                .as("the leader is not asked about their own promise")
                .noneMatch(s -> s.actionPrefix().startsWith("noticed:"));
        answer(ws, ws.member(1), "yes");
        answer(ws, ws.member(2), "yes");
        answer(ws, ws.member(3), Actions.CANT_SAY);

        ws.command(ws.admin, "close-week");

        assertThat(promises.tallies(ws.team().id())).containsExactly(new Tally(id, ws.week(), Optional.empty()));
        assertThat(promises.answers(ws.team().id(), ws.week()))
                .as("answers destroyed once counted")
                .isEmpty();
        String pulse = text(ws.posts().get(0).message());
        assertThat(pulse).contains(en("promise.noticed.withheld", ws.week().week(), 3));
        assertThat(pulse).doesNotContain(en("promise.noticed", ws.week().week(), 2, 0, 0, 1));
        assertThat(text(ws.digest()))
                .contains(en("promise.noticed.withheld", ws.week().week(), 3));
    }

    @Test
    void atTheThresholdTheChannelAndTheLeaderSeeTheKeptCount() {
        Ws ws = new Ws().setUp(4);
        long id = promiseMadeTwoWeeksAgo(ws);
        ws.command(ws.admin, "send-now");
        answer(ws, ws.member(1), "no");
        answer(ws, ws.member(1), "yes");
        answer(ws, ws.member(2), "partly");
        answer(ws, ws.member(3), "no");
        answer(ws, ws.member(4), Actions.CANT_SAY);

        ws.command(ws.admin, "close-week");

        assertThat(promises.tallies(ws.team().id()))
                .containsExactly(new Tally(id, ws.week(), Optional.of(new Tally.Counts(1, 1, 1, 1))));
        String pulse = text(ws.posts().get(0).message());
        assertThat(pulse)
                .contains(en("promise.noticed", ws.week().week(), 1, 1, 1, 1))
                .contains(en("promise.loop", 1, 1, 1));
        assertThat(text(ws.digest())).contains(en("promise.noticed", ws.week().week(), 1, 1, 1, 1));
    }

    @Test
    void whenParticipationFallsTwoWeeksRunningTheDigestSaysSoFirst() {
        Ws ws = new Ws().setUp(4);
        long team = ws.team().id();
        pulses.save(withheld(team, ws.week().minus(2), 4, 4));
        pulses.save(withheld(team, ws.week().minus(1), 4, 3));
        ws.command(ws.admin, "send-now");
        ws.dm(ws.member(1), "4 4 4 4 4 4");
        ws.dm(ws.member(2), "4 4 4 4 4 4");

        ws.command(ws.admin, "close-week");

        List<Block> blocks = ws.digest().blocks();
        assertThat(blocks.get(1)).isEqualTo(new Block.Text(en("promise.participation.falling", 100, 75, 50)));
    }

    @Test
    void forgetMeErasesAMembersAnswersAboutPromisesAndALeadersPromises() {
        Ws ws = new Ws().setUp(4);
        promiseMadeTwoWeeksAgo(ws);
        ws.command(ws.admin, "send-now");
        answer(ws, ws.member(1), "yes");
        answer(ws, ws.member(2), "no");

        ws.click(ws.member(1), Actions.forgetMe(true));

        assertThat(promises.answers(ws.team().id(), ws.week()))
                .singleElement()
                .satisfies(a -> assertThat(a.answer()).isEqualTo(app.trustpulse.promise.Noticed.NO));
        ws.click(ws.leader, Actions.forgetMe(true));
        assertThat(promises.active(ws.team().id())).isEmpty();
    }

    private long promiseMadeTwoWeeksAgo(Ws ws) {
        return promises.add(new Promise(
                0,
                ws.team().id(),
                ws.leader.userId(),
                Dimension.SAFETY,
                WORDS,
                ws.week().minus(2),
                clock.instant(),
                Optional.empty()));
    }

    private static WeeklyPulse withheld(long teamId, WeekId week, int asked, int answered) {
        return new WeeklyPulse(teamId, week, asked, answered, 3, true, List.of(), Optional.empty(), Optional.empty());
    }

    private List<Block.Scale> noticedScales(Ws ws, Sender s) {
        return ws.checkInsTo(s).stream()
                .flatMap(d -> scales(d.message()).stream())
                .filter(sc -> sc.actionPrefix().startsWith("noticed:"))
                .toList();
    }

    private void answer(Ws ws, Sender s, String value) {
        var checkIn = ws.checkInsTo(s).stream()
                .filter(d -> scales(d.message()).stream()
                        .anyMatch(sc -> sc.actionPrefix().startsWith("noticed:")))
                .findFirst()
                .orElseThrow();
        Block.Scale scale = scales(checkIn.message()).stream()
                .filter(sc -> sc.actionPrefix().startsWith("noticed:"))
                .findFirst()
                .orElseThrow();
        assertThat(ws.click(s, scale.actionPrefix() + value, checkIn.ref())).isEmpty();
        assertThat(ws.updates())
                .anySatisfy(u -> assertThat(scales(u.message()))
                        .anyMatch(sc -> sc.actionPrefix().equals(scale.actionPrefix())
                                && sc.selected().equals(Optional.of(value))));
    }

    private ChatMessage digestOf(Ws ws, WeekId week) {
        String header = en("digest.header", ws.channel, week.week());
        return ws.directsTo(ws.leader).stream()
                .map(d -> d.message())
                .filter(m -> m.summary().equals(header))
                .findFirst()
                .orElseThrow();
    }

    /** The focus the digest's own-words button offers: that of its first tip, if it has tips. */
    private static Optional<Dimension> firstTip(ChatMessage digest) {
        return buttons(digest).stream()
                .filter(b -> b.action().startsWith("promise:") && b.action().contains(":own"))
                .findFirst()
                .flatMap(b -> Actions.parse(b.action()))
                .map(a -> ((Actions.PromiseInOwnWords) a).focus())
                .orElse(Optional.empty());
    }
}
