package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.command.Subcommand;
import app.trustpulse.inbound.CommandRequest;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Someone in two teams of one workspace: answers go to the team of their latest check-in, and their own data
 * (shown by mydata, erased by forget-me) is all of it, whichever channel they ask in.
 */
class PersonInTwoTeamsTest extends EngineTest {

    @Test
    void aTypedAnswerCountsForTheTeamOfTheLatestCheckIn() {
        Ws ws = new Ws().setUp(3);
        String other = secondTeam(ws);
        Team second = teams.findByChannel(Platform.PLAYGROUND, ws.id, other).orElseThrow();
        inbox.command(new CommandRequest(ws.admin, Optional.of(other), "send-now"));

        assertThat(ws.dm(ws.member(1), "freedom 4").summary())
                .startsWith(en("answer.typed.recorded", "Freedom 4", "", "").substring(0, 20));

        assertThat(answers.ofWeek(second.id(), ws.week())).hasSize(1);
        assertThat(answers.ofWeek(ws.team().id(), ws.week())).isEmpty();
    }

    @Test
    void aTypedAnswerWithoutAnyCheckInYetIsNotGuessedIntoATeam() {
        Ws ws = new Ws().setUp(3);
        secondTeam(ws);

        assertThat(ws.dm(ws.member(1), "freedom 4").summary()).isEqualTo(en("answer.whichTeam"));

        assertThat(answers.ofWeek(ws.team().id(), ws.week())).isEmpty();
    }

    @Test
    void mydataInOneTeamsChannelShowsTheDataOfBothTeams() {
        Ws ws = new Ws().setUp(3);
        String other = secondTeam(ws);
        ws.dm(ws.member(1), "optout");
        ws.dm(ws.member(1), "optin");

        ChatMessage data = ws.command(ws.member(1), "mydata");

        List<String> teamLines =
                lines(data).stream().filter(l -> l.startsWith("*")).toList();
        assertThat(teamLines)
                .as("both teams, as the footer says this is everything")
                .hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("*" + ws.channel + "*"))
                .anySatisfy(l -> assertThat(l).startsWith("*" + other + "*"));
        assertThat(lines(data)).contains(en("mydata.footer"));
    }

    @Test
    void forgetMeConfirmsEveryTeamItWillEraseAndErasesExactlyThose() {
        Ws ws = new Ws().setUp(3);
        String other = secondTeam(ws);
        Team second = teams.findByChannel(Platform.PLAYGROUND, ws.id, other).orElseThrow();
        ws.command(ws.admin, "send-now");
        ws.dm(ws.member(1), "4 4 4 4 4 4");
        assertThat(answers.ofWeek(ws.team().id(), ws.week())).hasSize(6);

        ChatMessage confirm = ws.command(ws.member(1), "forget-me");

        assertThat(confirm.blocks().get(0)).isEqualTo(new Block.Text(en("forget.confirm", ws.channel + ", " + other)));
        assertThat(ws.click(ws.member(1), buttons(confirm).get(0).action()))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("forget.done", 6, 0, 1, 0, 2)));
        assertThat(members.membershipsOf(Platform.PLAYGROUND, ws.id, "U1")).isEmpty();
        assertThat(members.find(second.id(), "U2")).isPresent();
    }

    @Test
    void mydataOfSomeoneInNoTeamOfThisChannelStillShowsTheirOtherTeam() {
        Ws ws = new Ws().setUp(2);
        String other = secondTeam(ws);
        Sender onlyInSecond = new Sender(Platform.PLAYGROUND, ws.id, "U5", "Emeka", false);

        ChatMessage data = ws.command(onlyInSecond, "mydata");

        assertThat(data.summary()).isEqualTo(en("mydata.title"));
        assertThat(text(data)).contains("*" + other + "*");
        assertThat(members.membershipsOf(Platform.PLAYGROUND, ws.id, "U5"))
                .extracting(Member::teamId)
                .containsExactly(teams.findByChannel(Platform.PLAYGROUND, ws.id, other)
                        .orElseThrow()
                        .id());
    }

    @Test
    void helpInAnotherTeamsChannelListsOnlyWhatWorksThere() {
        Ws ws = new Ws().setUp(2);
        String other = secondTeam(ws, "UM");
        Sender onlyInSecond = new Sender(Platform.PLAYGROUND, ws.id, "U5", "Emeka", false);
        Sender leadsSecond = new Sender(Platform.PLAYGROUND, ws.id, "UM", "Marta", false);

        assertThat(visible(ws.command(onlyInSecond, "help")))
                .as("a member of the other team, in this channel")
                .containsExactlyInAnyOrder(Subcommand.HELP, Subcommand.MYDATA, Subcommand.FORGET_ME);
        assertThat(ws.command(onlyInSecond, "feedback Hello").summary()).isEqualTo(en("refused.member", "feedback"));
        assertThat(visible(ws.command(leadsSecond, "help")))
                .as("the other team's leader, in this channel")
                .containsExactlyInAnyOrder(Subcommand.HELP, Subcommand.MYDATA, Subcommand.FORGET_ME);
        assertThat(ws.command(leadsSecond, "status").summary()).isEqualTo(en("refused.admin_or_leader", "status"));

        assertThat(visible(inbox.command(new CommandRequest(leadsSecond, Optional.of(other), "help"))))
                .as("in the own team's channel")
                .contains(Subcommand.STATUS, Subcommand.NUDGES, Subcommand.FEEDBACK);
        assertThat(visible(ws.dm(leadsSecond, "help")))
                .as("in the direct message")
                .contains(Subcommand.STATUS, Subcommand.NUDGES, Subcommand.FEEDBACK);
    }

    @Test
    void optOutOnOneTeamOfTheHomeViewOptsOutOfThatTeamOnly() {
        Ws ws = new Ws().setUp(2);
        String other = secondTeam(ws);
        Team first = ws.team();
        Team second = teams.findByChannel(Platform.PLAYGROUND, ws.id, other).orElseThrow();
        ChatMessage home = inbox.home(ws.member(1));
        List<Button> optOuts = buttons(home).stream()
                .filter(b -> b.label().equals(en("home.optout")))
                .toList();
        assertThat(optOuts).hasSize(2);
        assertThat(optOuts.get(0).action()).isNotEqualTo(optOuts.get(1).action());
        int secondsIndex = lines(home).indexOf(en("home.team.member", other, en("mydata.active")));
        assertThat(secondsIndex).isPositive();
        Button underSecond = home.blocks().stream()
                .skip(secondsIndex + 1)
                .filter(Block.Buttons.class::isInstance)
                .map(b -> ((Block.Buttons) b).buttons().get(0))
                .findFirst()
                .orElseThrow();

        assertThat(ws.click(ws.member(1), underSecond.action()))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("optout.done", other)));

        assertThat(members.find(second.id(), "U1"))
                .hasValueSatisfying(m -> assertThat(m.optedOut()).isTrue());
        assertThat(members.find(first.id(), "U1"))
                .hasValueSatisfying(m -> assertThat(m.optedOut()).isFalse());
        assertThat(ws.click(ws.member(2), underSecond.action()))
                .as("someone else's click acts on their own membership")
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("optout.done", other)));
        assertThat(members.find(first.id(), "U2"))
                .hasValueSatisfying(m -> assertThat(m.optedOut()).isFalse());
    }

    private Set<Subcommand> visible(ChatMessage help) {
        String all = text(help);
        Set<Subcommand> seen = EnumSet.noneOf(Subcommand.class);
        for (Subcommand s : Subcommand.values()) {
            if (all.contains("`" + en(s.usageKey()) + "`")) {
                seen.add(s);
            }
        }
        return seen;
    }

    private String secondTeam(Ws ws) {
        return secondTeam(ws, "UL");
    }

    /** A second team in the workspace, in another channel, with U1, U2 and U5 and the given leader. */
    private String secondTeam(Ws ws, String leaderId) {
        String channel = ws.channel + "-b";
        gateway.roster(
                ws.id,
                channel,
                List.of(
                        new ChatUser("U1", "Alice", Optional.empty()),
                        new ChatUser("U2", "Bruno", Optional.empty()),
                        new ChatUser("U5", "Emeka", Optional.empty())));
        ChatMessage reply =
                inbox.command(new CommandRequest(ws.admin, Optional.of(channel), "setup <@" + leaderId + ">"));
        assertThat(reply.summary())
                .startsWith(en("setup.done", channel, 3, 1, "", "", "", "", "").substring(0, 25));
        ws.clear();
        return channel;
    }
}
