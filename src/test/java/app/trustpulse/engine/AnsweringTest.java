package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.inbound.Interaction;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Answers as members give them: a score picked on a check-in (updated in place), typed replies in the direct
 * message, and everything that must not be recorded.
 */
class AnsweringTest extends EngineTest {

    @Test
    void aPickedScoreIsRecordedAndTheCheckInIsUpdatedInPlaceAndAnotherPickReplacesIt() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        RecordingGateway.Direct checkIn = ws.checkInsTo(ws.member(1)).get(0);
        Block.Scale first = scales(checkIn.message()).get(0);
        Block.Scale second = scales(checkIn.message()).get(1);
        Dimension dimension = dimensionOf(first);

        Optional<ChatMessage> answer = ws.click(ws.member(1), first.actionPrefix() + "4", checkIn.ref());

        assertThat(answer).as("nothing to say when it worked").isEmpty();
        assertThat(ws.updates()).singleElement().satisfies(u -> {
            assertThat(u.ref()).isEqualTo(checkIn.ref());
            List<Block.Scale> shown = scales(u.message());
            assertThat(shown).extracting(Block.Scale::statement).containsExactly(first.statement(), second.statement());
            assertThat(shown.get(0).selected()).contains("4");
            assertThat(shown.get(1).selected()).isEmpty();
            assertThat(lines(u.message()))
                    .contains(en("checkin.recorded", en("dimension." + dimension + ".name") + " 4"));
            assertThat(buttons(u.message()))
                    .extracting(Button::action)
                    .as("a comment only on what was answered")
                    .contains(Actions.comment(checkInId(u.message()), dimension))
                    .doesNotContain(Actions.comment(checkInId(u.message()), dimensionOf(second)));
        });
        assertThat(answers.ofWeek(ws.team().id(), ws.week())).singleElement().satisfies(a -> {
            assertThat(a.dimension()).isEqualTo(dimension);
            assertThat(a.score()).hasValue(4);
        });
        assertThat(checkIns.find(checkInId(checkIn.message())))
                .as("answering changes no check-in, so no row points at who answered")
                .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo(CheckIn.Status.SENT));

        assertThat(ws.click(ws.member(1), first.actionPrefix() + "2", checkIn.ref()))
                .isEmpty();

        assertThat(ws.updates()).hasSize(2);
        assertThat(scales(ws.updates().get(1).message()).get(0).selected()).contains("2");
        assertThat(answers.ofWeek(ws.team().id(), ws.week()))
                .singleElement()
                .satisfies(a -> assertThat(a.score()).as("the latest counts").hasValue(2));
    }

    @Test
    void cantSayIsRecordedShownAndCanBeChangedWithinTheWeek() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        RecordingGateway.Direct checkIn = ws.checkInsTo(ws.member(1)).get(0);
        Block.Scale scale = scales(checkIn.message()).get(0);
        Dimension dimension = dimensionOf(scale);

        assertThat(ws.click(ws.member(1), scale.actionPrefix() + Actions.CANT_SAY, checkIn.ref()))
                .isEmpty();

        assertThat(ws.updates()).singleElement().satisfies(u -> {
            assertThat(scales(u.message()).get(0).selected()).contains(Actions.CANT_SAY);
            assertThat(lines(u.message()))
                    .contains(en(
                            "checkin.recorded",
                            en("dimension." + dimension + ".name") + " " + en("checkin.scale.cantSay.recorded")));
        });
        assertThat(answers.ofWeek(ws.team().id(), ws.week())).singleElement().satisfies(a -> {
            assertThat(a.dimension()).isEqualTo(dimension);
            assertThat(a.cantSay()).isTrue();
        });
        assertThat(checkIns.find(checkInId(checkIn.message())))
                .hasValueSatisfying(c -> assertThat(c.status())
                        .as("answering changes no check-in")
                        .isEqualTo(CheckIn.Status.SENT));

        ws.click(ws.member(1), scale.actionPrefix() + "2", checkIn.ref());
        assertThat(answers.ofWeek(ws.team().id(), ws.week()))
                .singleElement()
                .satisfies(a -> assertThat(a.score()).hasValue(2));
    }

    @Test
    void aTypedQuestionMarkIsCantSay() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        String closes = ws.closes(Language.EN);

        assertThat(ws.dm(ws.member(1), "safety ?").summary())
                .isEqualTo(
                        en("answer.typed.recorded", "Safety " + en("checkin.scale.cantSay.recorded"), closes, "16:00"));
        assertThat(ws.dm(ws.member(2), "4 ? 5 2 4 5").summary())
                .isEqualTo(en(
                        "answer.typed.recorded",
                        "Vision 4, Trust " + en("checkin.scale.cantSay.recorded")
                                + ", Responsibility 5, Freedom 2, Connection 4, Safety 5",
                        closes,
                        "16:00"));

        assertThat(answers.ofWeek(ws.team().id(), ws.week()))
                .filteredOn(Answer::cantSay)
                .extracting(Answer::dimension)
                .containsExactlyInAnyOrder(Dimension.SAFETY, Dimension.TRUST);
    }

    @Test
    void aClickWithoutTheMessageUpdatesTheCheckInWhereItWasSent() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        RecordingGateway.Direct checkIn = ws.checkInsTo(ws.member(2)).get(0);
        Block.Scale scale = scales(checkIn.message()).get(1);

        assertThat(ws.click(ws.member(2), scale.actionPrefix() + "5")).isEmpty();

        assertThat(ws.updates()).singleElement().satisfies(u -> {
            assertThat(u.ref()).isEqualTo(checkIn.ref());
            assertThat(scales(u.message()).get(1).selected()).contains("5");
        });
    }

    @Test
    void aCommentOnAnAnsweredStatementIsSaved() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        RecordingGateway.Direct checkIn = ws.checkInsTo(ws.member(1)).get(0);
        Block.Scale scale = scales(checkIn.message()).get(0);
        long id = checkInId(checkIn.message());
        Dimension dimension = dimensionOf(scale);

        Optional<ChatMessage> tooEarly = inbox.interaction(new Interaction(
                ws.member(1),
                Actions.comment(id, dimension),
                Optional.of("Plenty of room"),
                Optional.of(checkIn.ref())));
        assertThat(tooEarly).hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("comment.scoreFirst")));

        ws.click(ws.member(1), scale.actionPrefix() + "3", checkIn.ref());
        Optional<ChatMessage> saved = inbox.interaction(new Interaction(
                ws.member(1),
                Actions.comment(id, dimension),
                Optional.of("Plenty of room"),
                Optional.of(checkIn.ref())));

        assertThat(saved).hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("comment.saved", 3)));
        assertThat(answers.ofWeek(ws.team().id(), ws.week())).singleElement().satisfies(a -> {
            assertThat(a.score()).hasValue(3);
            assertThat(a.comment()).contains("Plenty of room");
        });
        assertThat(buttons(ws.updates().get(ws.updates().size() - 1).message()))
                .filteredOn(b -> b.action().equals(Actions.comment(id, dimension)))
                .extracting(Button::label)
                .containsExactly(en("checkin.comment.edit"));
    }

    @Test
    void bareNumbersAnswerTheOpenCheckInInItsOrder() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        List<Dimension> asked = checkIns.ofUser(ws.team().id(), ws.member(1).userId(), ws.week())
                .get(0)
                .dimensions();
        String typed = String.join(" ", java.util.Collections.nCopies(asked.size(), "4"));

        assertThat(ws.dm(ws.member(1), typed).summary())
                .startsWith(en("answer.typed.recorded", "", "", "").substring(0, 10));
        assertThat(answers.ofWeek(ws.team().id(), ws.week()))
                .extracting(Answer::dimension)
                .containsExactlyInAnyOrderElementsOf(asked);

        String tooMany = typed + " 4";
        assertThat(ws.dm(ws.member(1), tooMany).summary())
                .startsWith(en("reply.problem.count.open", asked.size() + 1L, (long) asked.size(), "")
                        .substring(0, 40));
    }

    @Test
    void typedRepliesAreRecorded() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        String closes = ws.closes(Language.EN);

        assertThat(ws.dm(ws.member(1), "freedom 4").summary())
                .isEqualTo(en("answer.typed.recorded", "Freedom 4", closes, "16:00"));
        assertThat(ws.dm(ws.member(2), "4 3 5 2 4 5").summary())
                .isEqualTo(en(
                        "answer.typed.recorded",
                        "Vision 4, Trust 3, Responsibility 5, Freedom 2, Connection 4, Safety 5",
                        closes,
                        "16:00"));
        assertThat(ws.dm(ws.member(3), "V1 2, trust 3").summary())
                .isEqualTo(en("answer.typed.recorded", "Vision 2, Trust 3", closes, "16:00"));

        Map<Dimension, List<Integer>> stored = answers.ofWeek(ws.team().id(), ws.week()).stream()
                .collect(Collectors.groupingBy(
                        Answer::dimension, Collectors.mapping(a -> a.score().getAsInt(), Collectors.toList())));
        assertThat(stored.get(Dimension.FREEDOM)).containsExactlyInAnyOrder(4, 2);
        assertThat(stored.get(Dimension.VISION)).containsExactlyInAnyOrder(4, 2);
        assertThat(stored.get(Dimension.TRUST)).containsExactlyInAnyOrder(3, 3);
        assertThat(stored.get(Dimension.RESPONSIBILITY)).containsExactly(5);
        assertThat(stored.get(Dimension.CONNECTION)).containsExactly(4);
        assertThat(stored.get(Dimension.SAFETY)).containsExactly(5);

        assertThat(ws.dm(ws.member(1), "freedom 2").summary())
                .isEqualTo(en("answer.typed.recorded", "Freedom 2", closes, "16:00"));
        assertThat(answers.ofWeek(ws.team().id(), ws.week()).stream()
                        .filter(a -> a.dimension() == Dimension.FREEDOM)
                        .map(a -> a.score().getAsInt()))
                .containsExactlyInAnyOrder(2, 2);
    }

    @Test
    void aTypedAnswerShowsOnTheCheckInThatAsksIt() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        RecordingGateway.Direct checkIn = ws.checkInsTo(ws.member(1)).get(0);
        Dimension asked = dimensionOf(scales(checkIn.message()).get(0));

        ws.dm(ws.member(1), asked.name().toLowerCase() + " 5");

        assertThat(ws.updates()).singleElement().satisfies(u -> {
            assertThat(u.ref()).isEqualTo(checkIn.ref());
            assertThat(scales(u.message()).get(0).selected()).contains("5");
        });
    }

    @Test
    void anUnreadableReplyExplainsTheAcceptedFormsAndStoresNothing() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        List<Dimension> open = checkIns.ofUser(ws.team().id(), ws.member(1).userId(), ws.week())
                .get(0)
                .dimensions();
        String names =
                open.stream().map(d -> en("dimension." + d.name() + ".name")).collect(Collectors.joining(", "));

        for (Map.Entry<String, String> bad : Map.of(
                        "I feel great", en("reply.problem.word", "I"),
                        "4 3 5 2", en("reply.problem.count.open", 4L, (long) open.size(), names),
                        "freedom 7", en("reply.problem.score", "7"),
                        "freedom", en("reply.problem.missingScore", "freedom"),
                        "freedom 4 safety 9", en("reply.problem.score", "9"),
                        "trust 4 trust 2", en("reply.problem.twice", "trust"))
                .entrySet()) {
            ChatMessage reply = ws.dm(ws.member(1), bad.getKey());
            assertThat(reply.blocks())
                    .as(bad.getKey())
                    .containsExactly(new Block.Text(bad.getValue()), new Block.Context(en("reply.forms")));
        }
        assertThat(answers.ofWeek(ws.team().id(), ws.week())).isEmpty();
        assertThat(ws.updates()).isEmpty();
    }

    @Test
    void answersAfterTheWeekClosedAreRefused() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        RecordingGateway.Direct checkIn = ws.checkInsTo(ws.member(1)).get(0);
        Block.Scale scale = scales(checkIn.message()).get(0);
        ws.click(ws.member(1), scale.actionPrefix() + "4", checkIn.ref());
        ws.command(ws.admin, "close-week");
        int updates = ws.updates().size();

        assertThat(ws.click(ws.member(1), scale.actionPrefix() + "1", checkIn.ref()))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("answer.weekClosed")));
        assertThat(ws.dm(ws.member(1), "4 4 4 4 4 4").summary()).isEqualTo(en("answer.weekClosed"));
        assertThat(ws.dm(ws.member(2), "freedom 1").summary()).isEqualTo(en("answer.weekClosed"));

        assertThat(answers.ofWeek(ws.team().id(), ws.week()))
                .as("destroyed once the pulse was stored")
                .isEmpty();
        assertThat(pulses.find(ws.team().id(), ws.week()))
                .hasValueSatisfying(p -> assertThat(p.answered()).isEqualTo(1));
        assertThat(ws.updates()).hasSize(updates);
        assertThat(checkIns.ofWeek(ws.team().id(), ws.week()))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckIn.Status.EXPIRED));
    }

    @Test
    void someoneElsesCheckInCannotBeAnswered() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        RecordingGateway.Direct checkIn = ws.checkInsTo(ws.member(1)).get(0);
        String action = scales(checkIn.message()).get(0).actionPrefix() + "5";

        assertThat(ws.click(ws.member(2), action, checkIn.ref()))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("answer.unknownCheckIn")));
        assertThat(ws.click(ws.leader, action))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("answer.unknownCheckIn")));
        Sender sameIdElsewhere = new Sender(Platform.PLAYGROUND, "W-other-" + ws.id, "U1", "Alice", false);
        assertThat(inbox.interaction(new Interaction(sameIdElsewhere, action, Optional.empty(), Optional.empty())))
                .as("the same user id in another workspace")
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("answer.unknownCheckIn")));
        assertThat(ws.click(ws.member(1), "answer:999999999:FREEDOM:3"))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("answer.unknownCheckIn")));

        assertThat(answers.ofWeek(ws.team().id(), ws.week())).isEmpty();
        assertThat(ws.updates()).isEmpty();
    }

    @Test
    void aStatementTheCheckInDoesNotAskOrAScoreOutsideOneToFiveIsRefused() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        RecordingGateway.Direct checkIn = ws.checkInsTo(ws.member(1)).get(0);
        long id = checkInId(checkIn.message());
        List<Dimension> asked = scales(checkIn.message()).stream()
                .map(AnsweringTest::dimensionOf)
                .toList();
        Dimension notAsked = Arrays.stream(Dimension.values())
                .filter(d -> !asked.contains(d))
                .findFirst()
                .orElseThrow();

        assertThat(ws.click(ws.member(1), Actions.answerPrefix(id, notAsked) + "3"))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("answer.notAsked")));
        assertThat(ws.click(ws.member(1), scales(checkIn.message()).get(0).actionPrefix() + "9"))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("answer.notAsked")));
        assertThat(ws.click(ws.member(1), "answer:" + id + ":NOT_A_DIMENSION:3"))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("action.unknown")));

        assertThat(answers.ofWeek(ws.team().id(), ws.week())).isEmpty();
        assertThat(ws.updates()).isEmpty();
    }

    @Test
    void anOptedOutMemberCannotAnswerAnOpenCheckIn() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        RecordingGateway.Direct checkIn = ws.checkInsTo(ws.member(1)).get(0);
        ws.command(ws.member(1), "optout");

        assertThat(ws.click(ws.member(1), scales(checkIn.message()).get(0).actionPrefix() + "4", checkIn.ref()))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("answer.optedOut")));
        assertThat(answers.ofWeek(ws.team().id(), ws.week())).isEmpty();
    }

    static Dimension dimensionOf(Block.Scale scale) {
        return Dimension.valueOf(scale.actionPrefix().split(":")[2]);
    }
}
