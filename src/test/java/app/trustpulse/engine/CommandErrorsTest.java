package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Team;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad arguments get what was wrong and the "Use: ..." line; people who may not run a command get a one-line
 * refusal. Either way nothing changes: not the team's settings, not its people, and nothing is sent.
 */
class CommandErrorsTest extends EngineTest {

    static Stream<Arguments> badArguments() {
        String tooLong = "x".repeat(1001);
        return Stream.of(
                Arguments.of(
                        "schedule checkins funday 09:30", "command.schedule.badDay", List.of("funday"), "schedule"),
                Arguments.of(
                        "schedule checkins mon,wed 25:00", "command.schedule.badTime", List.of("25:00"), "schedule"),
                Arguments.of(
                        "schedule checkins mon 19:00", "command.schedule.promptHours", List.of("19:00"), "schedule"),
                Arguments.of(
                        "schedule checkins mon 07:59", "command.schedule.promptHours", List.of("07:59"), "schedule"),
                Arguments.of(
                        "schedule checkins fri-mon 09:00", "command.schedule.badRange", List.of("fri-mon"), "schedule"),
                Arguments.of("schedule checkins mon", "command.schedule.incomplete", List.of(), "schedule"),
                Arguments.of(
                        "schedule summary mon,fri 16:00", "command.schedule.oneDay", List.of("mon,fri"), "schedule"),
                Arguments.of("schedule nudges tue 21:00", "command.schedule.promptHours", List.of("21:00"), "schedule"),
                Arguments.of("schedule lunch mon 12:00", "command.schedule.what", List.of("lunch"), "schedule"),
                Arguments.of("reminder 2d", "command.reminder.bad", List.of("2d"), "reminder"),
                Arguments.of("reminder 10m", "command.reminder.range", List.of("10m"), "reminder"),
                Arguments.of("reminder 25h", "command.reminder.range", List.of("25h"), "reminder"),
                Arguments.of("reminder", "command.reminder.bad", List.of(""), "reminder"),
                Arguments.of(
                        "timezone Mars/Olympus_Mons",
                        "command.timezone.unknown",
                        List.of("Mars/Olympus_Mons"),
                        "timezone"),
                Arguments.of("timezone CET", "command.timezone.unknown", List.of("CET"), "timezone"),
                Arguments.of("timezone", "command.timezone.missing", List.of(), "timezone"),
                Arguments.of("language fr", "command.language.unknown", List.of("fr"), "language"),
                Arguments.of("threshold 2", "command.threshold.tooLow", List.of("2"), "threshold"),
                Arguments.of("threshold 51", "command.threshold.tooHigh", List.of("51"), "threshold"),
                Arguments.of("threshold five", "command.threshold.notNumber", List.of("five"), "threshold"),
                Arguments.of("leader bob", "command.user.notMention", List.of("bob"), "leader"),
                Arguments.of("leader", "command.user.missing", List.of(), "leader"),
                Arguments.of("leader <@U1> <@U2>", "command.user.one", List.of(), "leader"),
                Arguments.of("unleader @Lena", "command.user.notMention", List.of("@Lena"), "unleader"),
                Arguments.of("add", "command.user.missing", List.of(), "add"),
                Arguments.of("add <@U7> carol", "command.user.notMention", List.of("carol"), "add"),
                Arguments.of("remove bob", "command.user.notMention", List.of("bob"), "remove"),
                Arguments.of("nudges maybe", "command.nudges.bad", List.of("maybe"), "nudges"),
                Arguments.of("pause now", "command.noArguments", List.of("pause"), "pause"),
                Arguments.of("send-now please", "command.noArguments", List.of("send-now"), "send-now"),
                Arguments.of("close-week 47", "command.noArguments", List.of("close-week"), "close-week"),
                Arguments.of("status all", "command.noArguments", List.of("status"), "status"),
                Arguments.of("work again", "command.work.bad", List.of("again"), "work"),
                Arguments.of("work retry", "command.work.bad", List.of("retry"), "work"),
                Arguments.of("work drop everything", "command.work.bad", List.of("drop everything"), "work"),
                Arguments.of("setup general", "command.setup.unexpected", List.of("general"), "setup"),
                Arguments.of("feedback", "command.feedback.empty", List.of(), "feedback"),
                Arguments.of("feedback " + tooLong, "command.feedback.tooLong", List.of("1000"), "feedback"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void aBadArgumentSaysWhatWasWrongShowsTheRightFormAndChangesNothing(
            String command, String key, List<String> args, String usage) {
        Ws ws = new Ws().setUp(2);
        Snapshot before = snapshot(ws);

        ChatMessage reply = ws.command(ws.admin, command);

        String what = en(key, args.toArray());
        assertThat(reply.summary()).isEqualTo(what);
        assertThat(reply.blocks())
                .containsExactly(
                        new Block.Text(what), new Block.Context(en("command.rightForm", en("usage." + usage))));
        assertThat(snapshot(ws)).isEqualTo(before);
        assertThat(ws.directs()).isEmpty();
        assertThat(ws.posts()).isEmpty();
    }

    @Test
    void anUnknownCommandSaysSoAndPointsToHelp() {
        Ws ws = new Ws().setUp(2);
        Snapshot before = snapshot(ws);

        ChatMessage reply = ws.command(ws.admin, "frobnicate now");

        assertThat(reply.blocks()).containsExactly(new Block.Text(en("command.unknown", "frobnicate")));
        assertThat(snapshot(ws)).isEqualTo(before);
    }

    @Test
    void setupInADirectMessageWithoutAChannelAsksForOne() {
        Ws ws = new Ws().withChannelMembers(2, true);

        ChatMessage reply = ws.commandInDm(ws.admin, "setup <@UL>");

        assertThat(reply.blocks())
                .containsExactly(
                        new Block.Text(en("setup.noChannel")),
                        new Block.Context(en("command.rightForm", en("usage.setup"))));
        assertThat(ws.maybeTeam()).isEmpty();
        assertThat(ws.directs()).isEmpty();
    }

    @Test
    void unknownPeopleAreNamedAndNothingChanges() {
        Ws ws = new Ws().setUp(2);
        Snapshot before = snapshot(ws);

        assertThat(ws.command(ws.admin, "unleader <@U99>").summary()).isEqualTo(en("unleader.notLeader"));
        assertThat(ws.command(ws.admin, "remove <@U99>").summary()).isEqualTo(en("remove.none"));
        assertThat(snapshot(ws)).isEqualTo(before);
    }

    static Stream<Arguments> adminOnly() {
        return Stream.of(
                        "setup",
                        "setup <@U1>",
                        "leader <@U2>",
                        "unleader <@UL>",
                        "add <@U9>",
                        "remove <@U2>",
                        "schedule checkins tue 10:00",
                        "schedule summary thu 17:00",
                        "schedule nudges mon 11:00",
                        "reminder off",
                        "timezone Asia/Tokyo",
                        "language nl",
                        "threshold 5",
                        "send-now",
                        "close-week",
                        "work",
                        "work retry all",
                        "work drop 1")
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "member runs {0}")
    @MethodSource("adminOnly")
    void aMemberIsRefusedAdminCommandsAndNothingChanges(String command) {
        Ws ws = new Ws().setUp(2);
        Snapshot before = snapshot(ws);

        ChatMessage reply = ws.command(ws.member(1), command);

        assertThat(reply.blocks()).containsExactly(new Block.Text(en("refused.admin", command.split(" ")[0])));
        assertNothingHappened(ws, before);
    }

    @ParameterizedTest(name = "leader runs {0}")
    @MethodSource("adminOnly")
    void aLeaderIsRefusedAdminCommandsToo(String command) {
        Ws ws = new Ws().setUp(2);
        Snapshot before = snapshot(ws);

        ChatMessage reply = ws.command(ws.leader, command);

        assertThat(reply.summary()).isEqualTo(en("refused.admin", command.split(" ")[0]));
        assertNothingHappened(ws, before);
    }

    @ParameterizedTest(name = "member runs {0}")
    @MethodSource("badArguments")
    void aMemberTypingAnAdminCommandWithBadArgumentsIsRefusedNotCorrected(
            String command, String key, List<String> args, String usage) {
        Ws ws = new Ws().setUp(2);
        Snapshot before = snapshot(ws);
        String word = command.split(" ")[0];

        ChatMessage reply = ws.command(ws.member(1), command);

        switch (app.trustpulse.command.Subcommand.lookup(word).orElseThrow().who()) {
            case ADMIN -> assertThat(reply.blocks()).containsExactly(new Block.Text(en("refused.admin", word)));
            case ADMIN_OR_LEADER ->
                assertThat(reply.blocks()).containsExactly(new Block.Text(en("refused.admin_or_leader", word)));
            // a member's own commands still say what was wrong with them
            default -> assertThat(reply.summary()).isEqualTo(en(key, args.toArray()));
        }
        assertNothingHappened(ws, before);
    }

    @Test
    void aMemberIsRefusedTheCommandsOfAdminsAndLeaders() {
        Ws ws = new Ws().setUp(2);
        Snapshot before = snapshot(ws);

        for (String command : List.of("pause", "resume", "status")) {
            assertThat(ws.command(ws.member(1), command).summary()).isEqualTo(en("refused.admin_or_leader", command));
        }
        assertThat(ws.command(ws.member(1), "nudges off").summary()).isEqualTo(en("nudges.notLeader"));
        assertNothingHappened(ws, before);
    }

    @Test
    void someoneOutsideTheTeamIsRefusedMemberCommands() {
        Ws ws = new Ws().setUp(2);
        Snapshot before = snapshot(ws);
        Sender outsider = ws.outsider("U9");

        assertThat(ws.command(outsider, "feedback Hello there").summary()).isEqualTo(en("refused.member", "feedback"));
        assertThat(ws.command(outsider, "optout").summary()).isEqualTo(en("member.notInTeam"));
        assertThat(ws.command(outsider, "forget-me").summary()).isEqualTo(en("mydata.none"));
        assertThat(ws.command(outsider, "status").summary()).isEqualTo(en("refused.admin_or_leader", "status"));
        assertThat(ws.dm(outsider, "freedom 4").summary()).isEqualTo(en("answer.notInTeam"));
        assertNothingHappened(ws, before);
        assertThat(feedback.pending(ws.team().id())).isEmpty();
    }

    @Test
    void aNonAdminCannotSetUpATeamInANewChannel() {
        Ws ws = new Ws().withChannelMembers(2, true);

        ChatMessage reply = ws.command(ws.member(1), "setup <@UL>");

        assertThat(reply.summary()).isEqualTo(en("refused.admin", "setup"));
        assertThat(ws.maybeTeam()).isEmpty();
        assertThat(ws.directs()).isEmpty();
    }

    @Test
    void commandsInAChannelWithoutATeamSaySo() {
        Ws ws = new Ws().withChannelMembers(2, true);

        assertThat(ws.command(ws.admin, "status").summary()).isEqualTo(en("team.noneInChannel"));
        assertThat(ws.command(ws.admin, "send-now").summary()).isEqualTo(en("team.noneInChannel"));
        assertThat(ws.maybeTeam()).isEmpty();
        assertThat(ws.directs()).isEmpty();
    }

    private void assertNothingHappened(Ws ws, Snapshot before) {
        assertThat(snapshot(ws)).isEqualTo(before);
        assertThat(ws.directs()).isEmpty();
        assertThat(ws.posts()).isEmpty();
        assertThat(checkIns.ofWeek(ws.team().id(), ws.week())).isEmpty();
        assertThat(pulses.isClosed(ws.team().id(), ws.week())).isFalse();
    }

    /** What a command could change: the team with its settings, and its people. */
    record Snapshot(Team team, List<Member> people) {}

    private Snapshot snapshot(Ws ws) {
        Team team = ws.team();
        List<Member> people = members.ofTeam(team.id()).stream()
                .sorted(Comparator.comparing(Member::userId))
                .toList();
        return new Snapshot(team, people);
    }
}
