package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.Mentions;
import app.trustpulse.pulse.RatedLeaderRepository.Named;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.WeekId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The member statements about the leader name the team's one rated leader: the first leader set up, or the one an
 * admin chose with "leader rated", from the next week on.
 */
class RatedLeaderTest extends EngineTest {

    @Autowired
    RatedLeaders ratedLeaders;

    @Test
    void aWeeksStatementsAboutTheLeaderNameTheRatedLeaderNotACoLeader() {
        Ws ws = new Ws().setUp(4);
        String coLeader = ws.member(4).displayName();
        ws.command(ws.admin, "leader <@U4>");

        ws.command(ws.admin, "send-now");

        List<String> statements = statementsTo(ws, 3);
        assertThat(statements).anyMatch(s -> s.contains("Lena"));
        assertThat(statements).noneMatch(s -> s.toLowerCase(Locale.ROOT).contains("my leader"));
        assertThat(statements).noneMatch(s -> s.contains(coLeader));
        assertThat(ratedLeaders.of(ws.team().id(), ws.week()))
                .map(Named::userId)
                .contains("UL");
    }

    @Test
    void choosingAnotherRatedLeaderMidWeekChangesNothingUntilNextWeek() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        ws.command(ws.admin, "leader <@U3>");
        ws.clear();
        WeekId week = ws.week();

        ChatMessage reply = ws.command(ws.admin, "leader rated <@U3>");

        String carla = ws.member(3).displayName();
        assertThat(text(reply))
                .contains(en("leader.rated.done", carla, week.plus(1).week()));
        assertThat(ws.posts())
                .extracting(p -> p.message().summary())
                .containsExactly(en(
                        "roster.ratedLeader",
                        Mentions.person(ws.admin.userId(), ws.admin.displayName()),
                        Mentions.person("U3", carla),
                        week.plus(1).week()));
        assertThat(ratedLeaders.of(ws.team().id(), week))
                .as("this week's statements keep naming the leader they named")
                .map(Named::userId)
                .contains("UL");
        ws.clear();
        ws.command(ws.admin, "send-now");
        List<String> later = statementsTo(ws, 2);
        assertThat(later).as("check-ins sent after the change, this week").isNotEmpty();
        assertThat(later).as("still about the leader the week named").noneMatch(st -> st.contains(carla));
        assertThat(ratedLeaders.pin(ws.team().id(), week.plus(1)))
                .as("next week names the new leader")
                .map(Named::userId)
                .contains("U3");
        assertThat(ratedLeaders.next(ws.team().id())).map(Named::userId).contains("U3");
        assertThat(text(ws.command(ws.admin, "leader beoordeeld <@U3>"))).contains(en("leader.rated.already", carla));
    }

    @Test
    void onlyALeaderOfTheTeamCanBeRated() {
        Ws ws = new Ws().setUp(2);

        ChatMessage reply = ws.command(ws.admin, "leader rated <@U1>");

        assertThat(text(reply)).contains(en("leader.rated.notLeader"));
        assertThat(ws.posts()).isEmpty();
    }

    /** The statements of the check-ins the first {@code count} members got. */
    private static List<String> statementsTo(Ws ws, int count) {
        return ws.members.subList(0, count).stream()
                .flatMap(m -> ws.checkInsTo(m).stream())
                .flatMap(d -> scales(d.message()).stream())
                .map(Block.Scale::statement)
                .toList();
    }
}
