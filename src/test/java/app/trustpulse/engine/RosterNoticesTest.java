package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.Mentions;
import app.trustpulse.command.RunningCommands;
import app.trustpulse.inbound.ChannelChange;
import app.trustpulse.inbound.CommandRequest;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Platform;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every change to who is in a team is announced in its channel, naming who made it, exactly once: by command or by
 * people coming into or leaving the channel, and however often the platform hands over the same request or event.
 */
class RosterNoticesTest extends EngineTest {

    @Autowired
    RunningCommands commands;

    @Test
    void setupIsAnnouncedOnceAsASummaryNamingWhoSetItUp() {
        Ws ws = new Ws().withChannelMembers(5, true);

        ws.command(ws.admin, "setup <@UL>");

        assertThat(ws.posts()).singleElement().satisfies(p -> {
            assertThat(p.to().channelId()).isEqualTo(ws.channel);
            assertThat(p.message().summary()).isEqualTo(en("roster.setup", at(ws.admin), 6, 1));
        });
    }

    @Test
    void addingAndRemovingByCommandIsAnnouncedOnceEachWithTheAdminAndTheWeekNewcomersCountFrom() {
        Ws ws = new Ws().setUp(2);
        int nextWeek = ws.week().plus(1).week();

        ws.command(ws.admin, "add <@U7> <@U8> <@U1>");
        ws.command(ws.admin, "add <@U1>");

        assertThat(channelTexts(ws))
                .containsExactly(
                        en("roster.added", at(ws.admin), en("roster.and", at("U7", "U7"), at("U8", "U8")), nextWeek));

        ws.clear();
        ws.command(ws.admin, "remove <@U7> <@U9>");
        ws.command(ws.admin, "remove <@U9>");

        assertThat(channelTexts(ws)).containsExactly(en("roster.removed", at(ws.admin), at("U7", "U7")));
    }

    @Test
    void makingSomeoneALeaderOrAMemberChangesWhoCountsAndIsAnnounced() {
        Ws ws = new Ws().setUp(2);

        ws.command(ws.admin, "leader <@U1>");
        ws.command(ws.admin, "leader <@U1>");
        ws.command(ws.admin, "unleader <@U1>");
        ws.command(ws.admin, "leader <@U9>");

        Sender alice = ws.member(1);
        assertThat(channelTexts(ws))
                .containsExactly(
                        en("roster.madeLeader", at(ws.admin), at(alice)),
                        en("roster.madeMember", at(ws.admin), at(alice)),
                        en("roster.leaderAdded", at(ws.admin), at("U9", "U9")));
    }

    @Test
    void aCommandHandledTwiceWithTheSameRequestIsAnnouncedOnce() {
        Ws ws = new Ws().setUp(2);
        CommandRequest add =
                new CommandRequest(ws.admin, Optional.of(ws.channel), "add <@U7>").withRequestKey("re-add-U7");
        CommandRequest remove =
                new CommandRequest(ws.admin, Optional.of(ws.channel), "remove <@U2>").withRequestKey("re-remove-U2");

        settled(inbox.command(add));
        settled(inbox.commandAgain(add));
        settled(inbox.command(remove));
        settled(inbox.commandAgain(remove));

        assertThat(channelTexts(ws))
                .containsExactly(
                        en(
                                "roster.added",
                                at(ws.admin),
                                at("U7", "U7"),
                                ws.week().plus(1).week()),
                        en("roster.removed", at(ws.admin), at(ws.member(2))));
    }

    @Test
    void channelEventsAreAnnouncedOnceEachEvenWhenTheSameEventIsHandledTwice() {
        Ws ws = new Ws().setUp(3);
        int nextWeek = ws.week().plus(1).week();
        ChatUser gustavo = new ChatUser("U7", "Gustavo", Optional.empty());
        ChatUser hiroko = new ChatUser("U8", "Hiroko", Optional.empty());
        ChannelChange invitedByAda = change(ws, "Ev-invite", Optional.of(new ChatUser("UA", "Ada", Optional.empty())));
        ChannelChange cameHimself = change(ws, "Ev-join", Optional.empty());
        ChannelChange aliceLeft = change(ws, "Ev-left", Optional.empty());
        ChannelChange bobTakenOut = change(ws, "Ev-kick", Optional.of(new ChatUser("UA", "Ada", Optional.empty())));

        for (int twice = 0; twice < 2; twice++) {
            inbox.membersJoined(invitedByAda, List.of(gustavo));
            inbox.membersJoined(cameHimself, List.of(hiroko));
            inbox.membersLeft(aliceLeft, List.of("U1"));
            inbox.membersLeft(bobTakenOut, List.of("U2"));
            inbox.membersLeft(change(ws, "Ev-leader-left", Optional.empty()), List.of("UL"));
            settle();
        }

        // Separate changes are posted side by side, so in no particular order.
        assertThat(channelTexts(ws))
                .containsExactlyInAnyOrder(
                        en("roster.added", at(ws.admin), at("U7", "Gustavo"), nextWeek),
                        en("roster.joined", at("U8", "Hiroko"), 1, nextWeek),
                        en("roster.left", at(ws.member(1)), 1),
                        en("roster.removed", at(ws.admin), at(ws.member(2))));
        assertThat(ws.membership(ws.outsider("U7"))).isPresent();
        assertThat(ws.membership(ws.member(1))).isEmpty();
        assertThat(ws.membership(ws.leader))
                .as("a leader who leaves the channel stays, unannounced")
                .isPresent();
    }

    @Test
    void peopleWhoJoinTogetherAreOneAnnouncement() {
        Ws ws = new Ws().setUp(2);

        inbox.membersJoined(
                change(ws, "Ev-bulk", Optional.of(new ChatUser("UA", "Ada", Optional.empty()))),
                List.of(
                        new ChatUser("U7", "Gustavo", Optional.empty()),
                        new ChatUser("U8", "Hiroko", Optional.empty()),
                        new ChatUser("U1", "Alice", Optional.empty())));
        settle();

        assertThat(channelTexts(ws))
                .containsExactly(en(
                        "roster.added",
                        at(ws.admin),
                        en("roster.and", at("U7", "Gustavo"), at("U8", "Hiroko")),
                        ws.week().plus(1).week()));
    }

    @Test
    void aNoticeIsInTheTeamsLanguageAndABigChangeNamesTheFirstFewAndCountsTheRest() {
        Ws ws = new Ws().setUp(8);
        ws.command(ws.admin, "language nl");

        inbox.membersLeft(change(ws, "Ev-two-left", Optional.empty()), List.of("U1", "U2"));
        settle();
        List<String> twelve = java.util.stream.IntStream.rangeClosed(21, 32)
                .mapToObj(n -> "U" + n)
                .toList();
        ws.command(
                ws.admin,
                "add "
                        + String.join(
                                " ", twelve.stream().map(id -> "<@" + id + ">").toList()));

        List<String> first9 =
                twelve.subList(0, 9).stream().map(id -> at(id, id)).toList();
        assertThat(channelTexts(ws))
                .containsExactly(
                        nl("roster.left", nl("roster.and", at(ws.member(1)), at(ws.member(2))), 2),
                        nl(
                                "roster.added",
                                at(ws.admin),
                                nl("roster.and", String.join(", ", first9), nl("roster.others", 3)),
                                ws.week().plus(1).week()));
        assertThat(channelTexts(ws).get(0))
                .as("Dutch verbs agree with two people")
                .contains(" hebben het kanaal verlaten ");
        assertThat(channelTexts(ws).get(1))
                .endsWith(at("U29", "U29") + " en nog 3 anderen aan het team toegevoegd."
                        + " Nieuwe leden tellen mee in de puls vanaf volgende week (week "
                        + ws.week().plus(1).week() + ").");
    }

    @Test
    void aNoticeThePlatformRefusedIsPostedLaterOnceUnderTheSameDeliveryId() {
        Ws ws = new Ws().setUp(2);
        gateway.channelUnreachable(ws.id, ws.channel);
        CommandRequest add =
                new CommandRequest(ws.admin, Optional.of(ws.channel), "add <@U7>").withRequestKey("re-refused");

        settled(inbox.command(add));
        assertThat(ws.posts()).isEmpty();
        assertThat(ws.membership(ws.outsider("U7")))
                .as("the change itself does not wait for its notice")
                .isPresent();

        gateway.channelReachable(ws.id, ws.channel);
        String workKey = ws.team().id() + ":request:re-refused";
        assertThat(commands.postRosterNotice(workKey)).isTrue();
        assertThat(commands.postRosterNotice(workKey))
                .as("posted already: nothing more to do")
                .isTrue();
        settled(inbox.commandAgain(add));

        assertThat(channelTexts(ws))
                .containsExactly(en(
                        "roster.added",
                        at(ws.admin),
                        at("U7", "U7"),
                        ws.week().plus(1).week()));
        List<RecordingGateway.ChannelTagged> tries = gateway.taggedIn(ws.id, ws.channel);
        assertThat(tries).hasSize(2);
        assertThat(tries.get(1).delivery().id())
                .isEqualTo(tries.get(0).delivery().id());
        assertThat(tries.get(1).delivery().mayHaveLanded()).isTrue();
    }

    @Test
    void statusTellsFromWhichWeekNewcomersCount() {
        Ws ws = new Ws().setUp(2);
        // The team and its first roster came a day ago; the first roster counts from the start.
        jdbc.sql("UPDATE team SET created_at = created_at - INTERVAL '1' DAY WHERE id = :id")
                .param("id", ws.team().id())
                .update();
        jdbc.sql("UPDATE team_member SET joined_at = joined_at - INTERVAL '1' DAY WHERE team_id = :id")
                .param("id", ws.team().id())
                .update();

        ws.command(ws.admin, "add <@U7>");

        String status = text(ws.command(ws.admin, "status"));
        assertThat(status)
                .contains(
                        en("status.newcomers", at("U7", "U7"), ws.week().plus(1).week()));
    }

    private static ChannelChange change(Ws ws, String eventId, Optional<ChatUser> by) {
        return new ChannelChange(Platform.PLAYGROUND, ws.id, ws.channel, by, Optional.of(eventId));
    }

    private static String at(Sender s) {
        return Mentions.person(s.userId(), s.displayName());
    }

    private static String at(String userId, String name) {
        return Mentions.person(userId, name);
    }

    private static List<String> channelTexts(Ws ws) {
        return ws.posts().stream()
                .filter(p -> p.to().channelId().equals(ws.channel))
                .map(p -> p.message().summary())
                .toList();
    }
}
