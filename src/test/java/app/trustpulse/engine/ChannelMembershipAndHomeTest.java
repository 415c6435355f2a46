package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.TextFormats;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rest of the inbox: people joining and leaving the team's channel, and the personal home view. */
class ChannelMembershipAndHomeTest extends EngineTest {

    @Test
    void someoneJoiningTheTeamsChannelBecomesAMemberAndIsWelcomedOnce() {
        Ws ws = new Ws().setUp(2);
        ChatUser newcomer = new ChatUser("U7", "Gustavo", Optional.empty());

        inbox.memberJoined(Platform.PLAYGROUND, ws.id, ws.channel, newcomer);
        inbox.memberJoined(Platform.PLAYGROUND, ws.id, ws.channel, newcomer);
        settle();

        assertThat(ws.membership(ws.outsider("U7"))).hasValueSatisfying(m -> {
            assertThat(m.role()).isEqualTo(Role.MEMBER);
            assertThat(m.displayName()).isEqualTo("Gustavo");
        });
        assertThat(ws.directsTo(ws.outsider("U7"))).hasSize(1);
    }

    @Test
    void joiningAChannelWithoutATeamChangesNothing() {
        Ws ws = new Ws().setUp(2);

        inbox.memberJoined(Platform.PLAYGROUND, ws.id, "C-elsewhere", new ChatUser("U7", "Gustavo", Optional.empty()));

        assertThat(members.membershipsOf(Platform.PLAYGROUND, ws.id, "U7")).isEmpty();
        assertThat(ws.directs()).isEmpty();
    }

    @Test
    void aMemberLeavingTheChannelLeavesTheTeamButALeaderStays() {
        Ws ws = new Ws().setUp(2);

        inbox.memberLeft(Platform.PLAYGROUND, ws.id, ws.channel, "U1");
        inbox.memberLeft(Platform.PLAYGROUND, ws.id, ws.channel, "UL");

        assertThat(ws.membership(ws.member(1))).isEmpty();
        assertThat(ws.membership(ws.leader)).isPresent();
        assertThat(ws.membership(ws.member(2))).isPresent();
    }

    @Test
    void homeShowsTheMembersTeamWithOptOutAndMyDataButtons() {
        Ws ws = new Ws().setUp(2);

        ChatMessage home = inbox.home(ws.member(1));

        assertThat(home.summary()).isEqualTo(en("home.title"));
        assertThat(lines(home)).contains(en("home.team.member", ws.channel, en("mydata.active")));
        long teamId = ws.team().id();
        assertThat(buttons(home))
                .extracting(Button::action)
                .containsExactly(Actions.teamCommand(teamId, "optout"), Actions.command("mydata"));

        assertThat(ws.click(ws.member(1), buttons(home).get(0).action()))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("optout.done", ws.channel)));
        ChatMessage after = inbox.home(ws.member(1));
        assertThat(lines(after)).contains(en("home.team.member", ws.channel, en("mydata.optedOut")));
        assertThat(buttons(after).get(0))
                .isEqualTo(Button.primary(en("home.optin"), Actions.teamCommand(teamId, "optin")));
        assertThat(ws.click(ws.member(1), buttons(after).get(0).action()))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("optin.done", ws.channel)));
        assertThat(ws.click(ws.member(1), buttons(after).get(1).action()))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("mydata.title")));
        assertThat(ws.click(ws.member(1), Actions.teamCommand(teamId + 1_000_000, "optout")))
                .hasValueSatisfying(
                        m -> assertThat(m.summary()).as("no such team here").isEqualTo(en("action.unknown")));
    }

    @Test
    void homeShowsTheLeaderTheLatestPulseAndTheAdminEveryTeam() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        ws.dm(ws.member(1), "4 3 5 2 4 5");
        ws.dm(ws.member(2), "4 3 5 2 4 5");
        ws.dm(ws.member(3), "4 3 5 2 4 5");
        ws.command(ws.admin, "close-week");

        ChatMessage leaderHome = inbox.home(ws.leader);

        assertThat(lines(leaderHome))
                .contains(
                        en("home.team.leader", ws.channel, en("mydata.active")),
                        en("home.latestPulse", ws.week().week()));
        assertThat(scoreTable(leaderHome)).isPresent();
        assertThat(scoreTable(inbox.home(ws.member(1))))
                .as("members see no pulse in their home")
                .isEmpty();

        ChatMessage adminHome = inbox.home(ws.admin);
        assertThat(lines(adminHome))
                .contains(
                        en("home.noTeam"),
                        en("home.admin.title"),
                        en(
                                "home.admin.team",
                                ws.channel,
                                TextFormats.days(
                                        Language.EN,
                                        EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)),
                                "09:30",
                                TextFormats.day(Language.EN, DayOfWeek.FRIDAY),
                                "16:00",
                                "Europe/Amsterdam"));
        assertThat(adminHome.blocks()).noneMatch(Block.ScoreTable.class::isInstance);
    }
}
