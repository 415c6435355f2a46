package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.command.Subcommand;
import app.trustpulse.inbound.Interaction;
import app.trustpulse.inbound.Sender;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.WeekId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The commands of members and leaders, and the check-in round of send-now and close-week, end to end:
 * what the person is told, what goes out through the gateway, and what is stored.
 */
class CheckInsAndMemberCommandsTest extends EngineTest {

    @Autowired
    NudgingLeaders nudging;

    @Test
    void helpListsOnlyWhatThePersonMayRun() {
        Ws ws = new Ws().setUp(2);

        assertThat(visibleCommands(ws.command(ws.outsider("U9"), "help"))).containsExactly(Subcommand.HELP);
        assertThat(visibleCommands(ws.command(ws.member(1), "help")))
                .containsExactlyInAnyOrder(
                        Subcommand.HELP,
                        Subcommand.FEEDBACK,
                        Subcommand.OPTOUT,
                        Subcommand.OPTIN,
                        Subcommand.MYDATA,
                        Subcommand.FORGET_ME);
        assertThat(visibleCommands(ws.dm(ws.member(1), "help")))
                .as("help in the direct message")
                .containsExactlyInAnyOrder(
                        Subcommand.HELP,
                        Subcommand.FEEDBACK,
                        Subcommand.OPTOUT,
                        Subcommand.OPTIN,
                        Subcommand.MYDATA,
                        Subcommand.FORGET_ME);
        assertThat(visibleCommands(ws.command(ws.leader, "help")))
                .containsExactlyInAnyOrder(
                        Subcommand.HELP,
                        Subcommand.FEEDBACK,
                        Subcommand.OPTOUT,
                        Subcommand.OPTIN,
                        Subcommand.MYDATA,
                        Subcommand.FORGET_ME,
                        Subcommand.NUDGES,
                        Subcommand.PROMISE,
                        Subcommand.PAUSE,
                        Subcommand.RESUME,
                        Subcommand.STATUS);
        Set<Subcommand> forAdmin = visibleCommands(ws.command(ws.admin, "help"));
        assertThat(forAdmin)
                .contains(
                        Subcommand.HELP,
                        Subcommand.SETUP,
                        Subcommand.LEADER,
                        Subcommand.UNLEADER,
                        Subcommand.ADD,
                        Subcommand.REMOVE,
                        Subcommand.SCHEDULE,
                        Subcommand.REMINDER,
                        Subcommand.TIMEZONE,
                        Subcommand.LANGUAGE,
                        Subcommand.THRESHOLD,
                        Subcommand.PAUSE,
                        Subcommand.RESUME,
                        Subcommand.STATUS,
                        Subcommand.SEND_NOW,
                        Subcommand.CLOSE_WEEK,
                        Subcommand.WORK);
        assertThat(forAdmin)
                .as("the admin is in no team and leads none")
                .doesNotContain(Subcommand.NUDGES, Subcommand.PROMISE, Subcommand.FEEDBACK);

        ChatMessage help = ws.command(ws.member(1), "help");
        assertThat(help.summary()).isEqualTo(en("help.title"));
        assertThat(text(help))
                .contains("`" + en("usage.feedback") + "` — " + en("help.feedback"))
                .contains(en("help.answers"));
        assertThat(ws.command(ws.member(1), "").summary())
                .as("no words at all is help")
                .isEqualTo(en("help.title"));
    }

    @Test
    void statusShowsSettingsPeopleAndParticipationInBandsButNeverScores() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        ws.dm(ws.member(1), "5 5 5 5 5 5");
        ws.dm(ws.member(2), "5 5 5 5 5 5");
        ws.command(ws.member(3), "optout");

        ChatMessage status = ws.command(ws.leader, "status");

        assertThat(status.summary()).isEqualTo(en("status.title", ws.channel));
        assertThat(status.blocks()).noneMatch(Block.ScoreTable.class::isInstance);
        String all = text(status);
        assertThat(all)
                .contains(en("status.people", 3, 1, "Lena"))
                .contains(en("status.settings", "Europe/Amsterdam", "English", 3))
                .contains(en("status.participation.open.BELOW_THRESHOLD", 3))
                .contains(en("status.leader", 0, 0, en("status.leader.perWeek", 2)));
        assertThat(all).as("no count while the week is open").doesNotContain(en("status.participation", 2, 3));
        assertThat(all).doesNotContain("5.0").doesNotContainPattern("\\d[.,]\\d");
        assertThat(text(ws.command(ws.admin, "status")))
                .as("the admin leads nothing: no nudge line")
                .doesNotContain(en("status.leader", 0, 0, "").substring(0, 10));
    }

    @Test
    void sendNowGivesEveryoneTheirNextCheckInUntilTheWeeksThreeAreOut() {
        Ws ws = new Ws().setUp(3);

        assertThat(ws.command(ws.admin, "send-now").summary()).isEqualTo(en("sendNow.done", 4, 0));
        for (Sender s : ws.everyone()) {
            assertThat(ws.checkInsTo(s))
                    .singleElement()
                    .satisfies(d -> assertThat(scales(d.message())).hasSize(2));
        }
        assertThat(ws.directs()).hasSize(4);
        ChatMessage first = ws.checkInsTo(ws.member(1)).get(0).message();
        assertThat(first.summary()).isIn(en("checkin.intro.1"), en("checkin.intro.2"), en("checkin.intro.3"));
        assertThat(text(first)).contains(en("checkin.privacy", 3));
        assertThat(scales(first)).allSatisfy(s -> {
            assertThat(s.selected()).isEmpty();
            assertThat(s.choices())
                    .extracting(Block.Choice::label)
                    .containsExactly(
                            "1 · " + en("checkin.scale.1"),
                            "2 · " + en("checkin.scale.2"),
                            "3 · " + en("checkin.scale.3"),
                            "4 · " + en("checkin.scale.4"),
                            "5 · " + en("checkin.scale.5"),
                            en("checkin.scale.cantSay"));
            assertThat(s.choices()).extracting(Block.Choice::value).containsExactly("1", "2", "3", "4", "5", "?");
        });
        ChatMessage selfCheck = ws.checkInsTo(ws.leader).get(0).message();
        assertThat(selfCheck.summary()).isEqualTo(en("checkin.selfcheck.intro"));

        assertThat(ws.command(ws.admin, "send-now").summary()).isEqualTo(en("sendNow.done", 4, 0));
        assertThat(ws.command(ws.admin, "send-now").summary()).isEqualTo(en("sendNow.done", 4, 0));
        for (Sender s : ws.everyone()) {
            List<RecordingGateway.Direct> got = ws.checkInsTo(s);
            assertThat(got).hasSize(3);
            assertThat(got.stream().map(d -> checkInId(d.message())).distinct()).hasSize(3);
            Set<Dimension> asked = got.stream()
                    .flatMap(d -> scales(d.message()).stream())
                    .map(sc -> Dimension.valueOf(sc.actionPrefix().split(":")[2]))
                    .collect(Collectors.toSet());
            assertThat(asked)
                    .as("over the week %s is asked all six", s.userId())
                    .containsExactlyInAnyOrder(Dimension.values());
        }

        assertThat(ws.command(ws.admin, "send-now").summary()).isEqualTo(en("sendNow.done", 0, 4));
        assertThat(ws.directs()).hasSize(12);
        assertThat(checkIns.ofWeek(ws.team().id(), ws.week()))
                .hasSize(12)
                .allSatisfy(
                        c -> assertThat(c.audience()).isEqualTo(c.userId().equals("UL") ? Role.LEADER : Role.MEMBER));
    }

    @Test
    void closeWeekPostsThePulseToTheChannelAndTheDigestToTheLeaderOnce() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        ws.dm(ws.member(1), "4 3 5 2 4 5");
        ws.dm(ws.member(2), "4 3 5 2 4 5");
        ws.dm(ws.member(3), "4 3 5 2 4 5");
        ws.clear();
        WeekId week = ws.week();

        assertThat(ws.command(ws.admin, "close-week").summary()).isEqualTo(en("closeWeek.done"));

        assertThat(ws.posts()).singleElement().satisfies(p -> {
            assertThat(p.to().channelId()).isEqualTo(ws.channel);
            assertThat(p.message().summary()).isEqualTo(en("pulse.header", week.week(), week.year()));
            assertThat(text(p.message())).contains(en("pulse.participation", 3, 3));
        });
        assertThat(ws.digests()).hasSize(1);
        assertThat(ws.directs())
                .as("only the leader hears of the close")
                .allSatisfy(d -> assertThat(d.to().userId()).isEqualTo("UL"));
        assertThat(pulses.isClosed(ws.team().id(), week)).isTrue();
        int sent = ws.directs().size();

        assertThat(ws.command(ws.admin, "close-week").summary()).isEqualTo(en("closeWeek.already"));
        assertThat(ws.posts()).hasSize(1);
        assertThat(ws.directs()).hasSize(sent);
        assertThat(ws.command(ws.admin, "send-now").summary()).isEqualTo(en("sendNow.weekClosed"));
        assertThat(ws.directs()).hasSize(sent);
    }

    @Test
    void aLeaderCanSwitchOwnNudgesOffAndOn() {
        Ws ws = new Ws().setUp(2);

        assertThat(ws.command(ws.leader, "nudges off").summary()).isEqualTo(en("nudges.off"));
        assertThat(ws.membership(ws.leader).orElseThrow().nudgesPaused()).isTrue();
        assertThat(text(ws.command(ws.leader, "status")))
                .contains(en("status.leader", 0, 0, en("status.leader.paused")));
        assertThat(nudging.scheduledRound(ws.team().id(), clock.instant())).isZero();
        assertThat(ws.directs()).isEmpty();

        assertThat(ws.dm(ws.leader, "nudges on").summary()).isEqualTo(en("nudges.on"));
        assertThat(ws.membership(ws.leader).orElseThrow().nudgesPaused()).isFalse();
        assertThat(nudging.scheduledRound(ws.team().id(), clock.instant())).isEqualTo(1);
        assertThat(ws.directsTo(ws.leader)).singleElement().satisfies(d -> {
            assertThat(d.message().summary())
                    .as("no pulse yet: nothing stands out")
                    .isEqualTo(en("midweek.intro"));
            assertThat(buttons(d.message())).extracting(Button::label).contains(en("nudge.tried"), en("nudge.notYet"));
        });
        assertThat(ws.directs()).hasSize(1);

        assertThat(ws.command(ws.member(1), "nudges off").summary()).isEqualTo(en("nudges.notLeader"));
        assertThat(ws.membership(ws.member(1)).orElseThrow().nudgesPaused()).isFalse();
    }

    @Test
    void feedbackAsksForConfirmationWithTheRulesAndIsStoredOnlyWhenSent() {
        Ws ws = new Ws().setUp(3);
        long teamId = ws.team().id();
        String words = "The planning meeting runs long every week";

        ChatMessage confirm = ws.command(ws.member(1), "feedback " + words);

        assertThat(lines(confirm)).containsExactly(en("feedback.preview", words), en("feedback.rules", 3));
        List<Button> buttons = buttons(confirm);
        assertThat(buttons).extracting(Button::label).containsExactly(en("feedback.send"), en("feedback.cancel"));
        assertThat(buttons.get(0).style()).isEqualTo(Button.Style.PRIMARY);
        assertThat(Actions.parse(buttons.get(0).action()))
                .hasValueSatisfying(a -> assertThat(a).isInstanceOfSatisfying(Actions.SendFeedback.class, s -> {
                    assertThat(s.teamId()).isEqualTo(teamId);
                    assertThat(s.text()).isEqualTo(words);
                }));
        assertThat(feedback.pending(teamId)).as("nothing is stored before Send").isEmpty();

        assertThat(ws.click(ws.member(1), buttons.get(1).action()))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("action.dismissed")));
        assertThat(feedback.pending(teamId)).isEmpty();

        assertThat(ws.click(ws.member(1), buttons.get(0).action()))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("feedback.sent", 3)));
        assertThat(feedback.pending(teamId)).singleElement().satisfies(f -> {
            assertThat(f.text()).isEqualTo(words);
            assertThat(f.pseudonym()).doesNotContain("U1");
        });
        assertThat(ws.directs()).as("feedback reaches nobody until a digest").isEmpty();

        // clicking "send" again, later or twice in a row, stores nothing more
        assertThat(ws.click(ws.member(1), buttons.get(0).action()))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("feedback.alreadySent")));
        assertThat(feedback.pending(teamId)).hasSize(1);
        // the same words sent again through a new preview are new feedback
        ChatMessage again = ws.command(ws.member(1), "feedback " + words);
        assertThat(buttons(again).get(0).action()).isNotEqualTo(buttons.get(0).action());
        ws.click(ws.member(1), buttons(again).get(0).action());
        assertThat(feedback.pending(teamId)).hasSize(2);
        // a preview left for more than a day is not sent any more: the person sends it again
        String stale = String.format(
                "%08x%08x",
                clock.instant().minus(java.time.Duration.ofHours(25)).getEpochSecond(), 7);
        assertThat(ws.click(ws.member(1), Actions.sendFeedback(teamId, stale, words)))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("feedback.previewExpired")));
        assertThat(feedback.pending(teamId)).hasSize(2);
    }

    @Test
    void theDigestHoldsFeedbackUntilEnoughPeopleGaveSome() {
        Ws ws = new Ws().setUp(4);
        giveFeedback(ws, ws.member(1), "Standups could be shorter");
        giveFeedback(ws, ws.member(1), "Please share the roadmap earlier");
        giveFeedback(ws, ws.member(2), "More focus time on Fridays");

        ws.command(ws.admin, "close-week");

        String digest = text(ws.digest());
        assertThat(digest)
                .contains(en("digest.feedback.held", 3))
                .doesNotContain("Standups")
                .doesNotContain("roadmap")
                .doesNotContain("focus time");
        assertThat(feedback.pending(ws.team().id())).hasSize(3);

        Ws enough = new Ws().setUp(4);
        giveFeedback(enough, enough.member(1), "Standups could be shorter");
        giveFeedback(enough, enough.member(2), "Please share the roadmap earlier");
        giveFeedback(enough, enough.member(3), "More focus time on Fridays, thanks Alice");

        enough.command(enough.admin, "close-week");

        ChatMessage released = enough.digest();
        assertThat(lines(released)).contains(en("digest.feedback.title", 3));
        assertThat(text(released))
                .contains(
                        "• Standups could be shorter",
                        "• Please share the roadmap earlier",
                        "• More focus time on Fridays, thanks …")
                .doesNotContain("Alice");
        assertThat(feedback.pending(enough.team().id())).isEmpty();
    }

    @Test
    void theWeeksFirstCheckInCarriesAnOpenQuestionWhoseReplyIsStoredAsAnonymousFeedback() {
        Ws ws = new Ws().setUp(3);
        long teamId = ws.team().id();
        ws.command(ws.admin, "send-now");
        ChatMessage first = ws.checkInsTo(ws.member(1)).get(0).message();
        Button reply = buttons(first).stream()
                .filter(b -> b.action().equals(Actions.feedbackQuestion(teamId)))
                .findFirst()
                .orElseThrow();
        assertThat(reply.label()).isEqualTo(en("checkin.question.reply"));
        assertThat(reply.input()).hasValueSatisfying(i -> assertThat(i.label()).contains(en("feedback.rules", 3)));
        assertThat(buttons(ws.checkInsTo(ws.leader).get(0).message()))
                .as("not in the leader's self-check")
                .isEmpty();

        assertThat(inbox.interaction(
                        new Interaction(ws.member(1), reply.action(), Optional.of("  "), Optional.empty())))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("command.feedback.empty")));
        assertThat(feedback.pending(teamId)).isEmpty();
        assertThat(inbox.interaction(new Interaction(
                        ws.member(1), reply.action(), Optional.of("More quiet hours"), Optional.empty())))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("feedback.sent", 3)));
        assertThat(feedback.pending(teamId))
                .singleElement()
                .satisfies(f -> assertThat(f.text()).isEqualTo("More quiet hours"));

        ws.command(ws.admin, "send-now");
        assertThat(buttons(ws.checkInsTo(ws.member(1)).get(1).message()))
                .as("once a week only")
                .noneMatch(b -> b.action().equals(Actions.feedbackQuestion(teamId)));
    }

    @Test
    void aFeedbackFormHandledAgainAfterACrashStoresItsFeedbackOnce() {
        Ws ws = new Ws().setUp(3);
        long teamId = ws.team().id();
        ws.command(ws.admin, "send-now");
        String question = Actions.feedbackQuestion(teamId);

        Interaction form = new Interaction(
                ws.member(1), question, Optional.of("More quiet hours"), Optional.empty(), Optional.of("request-1"));
        assertThat(inbox.interaction(form))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("feedback.sent", 3)));
        assertThat(inbox.interaction(form))
                .as("the same request, run again")
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("feedback.alreadySent")));
        assertThat(inbox.interaction(new Interaction(
                        ws.member(1),
                        question,
                        Optional.of("More quiet hours"),
                        Optional.empty(),
                        Optional.of("request-2"))))
                .as("the same words sent again on purpose")
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("feedback.sent", 3)));

        assertThat(feedback.pending(teamId)).hasSize(2);
    }

    @Test
    void optedOutMembersGetNoCheckInUntilTheyOptInAgain() {
        Ws ws = new Ws().setUp(3);

        assertThat(ws.command(ws.member(1), "optout").summary()).isEqualTo(en("optout.done", ws.channel));
        assertThat(ws.membership(ws.member(1)).orElseThrow().optedOut()).isTrue();
        assertThat(ws.command(ws.admin, "send-now").summary()).isEqualTo(en("sendNow.done", 3, 0));
        assertThat(ws.checkInsTo(ws.member(1))).isEmpty();
        assertThat(ws.checkInsTo(ws.member(2))).hasSize(1);
        assertThat(ws.dm(ws.member(1), "freedom 4").summary()).isEqualTo(en("answer.optedOut"));

        assertThat(ws.dm(ws.member(1), "optin").summary()).isEqualTo(en("optin.done", ws.channel));
        assertThat(ws.membership(ws.member(1)).orElseThrow().optedOut()).isFalse();
        ws.command(ws.admin, "send-now");
        assertThat(ws.checkInsTo(ws.member(1))).hasSize(1);
        assertThat(checkIns.ofUser(ws.team().id(), "U1", ws.week()))
                .singleElement()
                .satisfies(c -> assertThat(c.slot()).isZero());
        assertThat(ws.checkInsTo(ws.member(2))).hasSize(2);
    }

    @Test
    void mydataShowsOnlyThePersonsOwnAnswersAndFeedback() {
        Ws ws = new Ws().setUp(2);
        WeekId week = ws.week();
        ws.dm(ws.member(1), "freedom 4");
        ws.dm(ws.member(1), "trust 2");
        ws.dm(ws.member(2), "vision 5");
        giveFeedback(ws, ws.member(1), "Good sprint");

        ChatMessage data = ws.command(ws.member(1), "mydata");

        assertThat(data.summary()).isEqualTo(en("mydata.title"));
        List<String> lines = lines(data);
        assertThat(lines)
                .contains(
                        en(
                                "mydata.team",
                                ws.channel,
                                en("mydata.role.member"),
                                en("mydata.active"),
                                "Europe/Amsterdam"),
                        week + " · " + en("dimension.TRUST.name") + ": 2\n" + week + " · "
                                + en("dimension.FREEDOM.name") + ": 4",
                        en("mydata.feedback.held", week.toString(), "Good sprint"),
                        en("mydata.footer"));
        assertThat(text(data)).doesNotContain(en("dimension.VISION.name"));

        assertThat(ws.dm(ws.leader, "mydata").blocks()).contains(new Block.Context(en("mydata.noAnswers")));
        assertThat(ws.command(ws.outsider("U9"), "mydata").summary()).isEqualTo(en("mydata.none"));
    }

    @Test
    void forgetMeAsksFirstAndThenErasesAnswersAndMembership() {
        Ws ws = new Ws().setUp(2);
        long teamId = ws.team().id();
        ws.command(ws.admin, "send-now");
        ws.dm(ws.member(1), "4 3 5 2 4 5");
        ws.dm(ws.member(2), "freedom 2");
        giveFeedback(ws, ws.member(1), "Thanks for the trust");
        assertThat(answers.ofWeek(teamId, ws.week())).hasSize(7);

        ChatMessage confirm = ws.command(ws.member(1), "forget-me");

        assertThat(lines(confirm)).containsExactly(en("forget.confirm", ws.channel));
        List<Button> buttons = buttons(confirm);
        assertThat(buttons).extracting(Button::label).containsExactly(en("forget.yes"), en("forget.no"));
        assertThat(buttons.get(0).style()).isEqualTo(Button.Style.DANGER);
        assertThat(ws.membership(ws.member(1)))
                .as("nothing erased before confirming")
                .isPresent();

        assertThat(ws.click(ws.member(1), buttons.get(1).action()))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("forget.cancelled")));
        assertThat(answers.ofWeek(teamId, ws.week())).hasSize(7);

        assertThat(ws.click(ws.member(1), buttons.get(0).action()))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("forget.done", 6, 1, 1, 0, 1)));
        assertThat(ws.membership(ws.member(1))).isEmpty();
        assertThat(answers.ofWeek(teamId, ws.week()))
                .singleElement()
                .satisfies(a -> assertThat(a.dimension()).isEqualTo(Dimension.FREEDOM));
        assertThat(checkIns.ofUser(teamId, "U1", ws.week())).isEmpty();
        assertThat(feedback.pending(teamId)).isEmpty();
        assertThat(ws.command(ws.member(1), "mydata").summary()).isEqualTo(en("mydata.none"));
        assertThat(ws.membership(ws.member(2))).isPresent();
    }

    private void giveFeedback(Ws ws, Sender who, String words) {
        ChatMessage confirm = ws.command(who, "feedback " + words);
        String send = buttons(confirm).get(0).action();
        assertThat(ws.click(who, send))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("feedback.sent", 3)));
    }

    /** The subcommands a help message lists, by their usage lines. */
    private Set<Subcommand> visibleCommands(ChatMessage help) {
        String all = text(help);
        Set<Subcommand> seen = EnumSet.noneOf(Subcommand.class);
        for (Subcommand s : Subcommand.values()) {
            if (all.contains("`" + en(s.usageKey()) + "`")) {
                seen.add(s);
            }
        }
        return seen;
    }
}
