package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.checkin.CheckInModule;
import app.trustpulse.checkin.CheckIns;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.CheckInPlanner;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.TeamTriggers;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A member whose own timezone puts the team's check-in time later gets the check-in at that time on their own
 * clock, for the same check-in day, even when that moment is already the next day in the team's timezone.
 * The use case runs on the context's database, scheduler and gateway, with a clock set to the moments that matter.
 */
class PersonalCheckInsTest extends EngineTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** A Monday, a check-in day of the default schedule (Mon, Wed, Fri 09:30). */
    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

    @Autowired
    CheckInModule.Stores stores;

    @Autowired
    app.trustpulse.promise.NoticingPromises promises;

    @Autowired
    ChatGateways gateways;

    @Autowired
    TeamTriggers triggers;

    @Autowired
    WorkQueue work;

    @Autowired
    app.trustpulse.pulse.Pseudonymizer pseudonyms;

    @Autowired
    CheckInPlanner planner;

    @Autowired
    app.trustpulse.pulse.PersonalAnswers personalAnswers;

    @Test
    void aMemberFarWestOfTheTeamGetsTheCheckInOfTheTeamsDayOnTheirOwnMorning() {
        Ws ws = teamWithAMemberElsewhere(TOKYO, LOS_ANGELES);
        long teamId = ws.team().id();
        Instant teamRound = MONDAY.atTime(9, 30).atZone(TOKYO).toInstant();

        CheckIns.Round round = sendingAt(teamRound).scheduledRound(teamId, teamRound);

        assertThat(round.sent())
                .as("the two members and the leader in the team's zone")
                .isEqualTo(3);
        assertThat(round.deferred()).isEqualTo(1);
        assertThat(ws.checkInsTo(ws.outsider("UW"))).isEmpty();

        Instant ownMorning = MONDAY.atTime(9, 30).atZone(LOS_ANGELES).toInstant();
        assertThat(ownMorning.atZone(TOKYO).toLocalDate())
                .as("already Tuesday in Tokyo")
                .isEqualTo(MONDAY.plusDays(1));
        CheckIns.Delivery delivery = sendingAt(ownMorning).personalRound(teamId, "UW");

        assertThat(delivery).isEqualTo(CheckIns.Delivery.SENT);
        assertThat(ws.checkInsTo(ws.outsider("UW"))).hasSize(1);
        assertThat(checkIns.ofUser(teamId, "UW", WeekId.of(MONDAY)))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.slot()).isZero();
                    assertThat(c.status()).isEqualTo(CheckIn.Status.SENT);
                });
    }

    @Test
    void aMemberALittleWestOfTheTeamGetsItTheSameTeamDay() {
        Ws ws = teamWithAMemberElsewhere(AMSTERDAM, NEW_YORK);
        long teamId = ws.team().id();
        Instant teamRound = MONDAY.atTime(9, 30).atZone(AMSTERDAM).toInstant();

        assertThat(sendingAt(teamRound).scheduledRound(teamId, teamRound).deferred())
                .isEqualTo(1);
        CheckIns.Delivery delivery =
                sendingAt(MONDAY.atTime(9, 30).atZone(NEW_YORK).toInstant()).personalRound(teamId, "UW");

        assertThat(delivery).isEqualTo(CheckIns.Delivery.SENT);
        assertThat(checkIns.ofUser(teamId, "UW", WeekId.of(MONDAY)))
                .singleElement()
                .satisfies(c -> assertThat(c.slot()).isZero());
        assertThat(sendingAt(MONDAY.atTime(9, 40).atZone(NEW_YORK).toInstant()).personalRound(teamId, "UW"))
                .as("a second firing sends nothing more")
                .isEqualTo(CheckIns.Delivery.ALREADY_SENT);
        assertThat(ws.checkInsTo(ws.outsider("UW"))).hasSize(1);
    }

    @Test
    void noPersonalCheckInOutsideTheMembersWorkingDay() {
        Ws ws = teamWithAMemberElsewhere(TOKYO, LOS_ANGELES);
        long teamId = ws.team().id();

        CheckIns.Delivery delivery = sendingAt(
                        MONDAY.atTime(LocalTime.of(20, 0)).atZone(LOS_ANGELES).toInstant())
                .personalRound(teamId, "UW");

        assertThat(delivery).isEqualTo(CheckIns.Delivery.NOTHING_LEFT);
        assertThat(ws.checkInsTo(ws.outsider("UW"))).isEmpty();
    }

    /** Two members and the leader without a timezone of their own, and UW in another zone; the team in its zone. */
    private Ws teamWithAMemberElsewhere(ZoneId teamZone, ZoneId memberZone) {
        Ws ws = new Ws().withChannelMembers(2, true);
        List<ChatUser> roster =
                new ArrayList<>(gateway.channelMembers(new ChannelAddress(Platform.PLAYGROUND, ws.id, ws.channel)));
        roster.add(new ChatUser("UW", "Wiremu", Optional.of(memberZone)));
        gateway.roster(ws.id, ws.channel, roster);
        ws.command(ws.admin, "setup <@UL>");
        ws.command(ws.admin, "timezone " + teamZone.getId());
        assertThat(ws.membership(ws.outsider("UW")))
                .hasValueSatisfying(m -> assertThat(m.timezone()).contains(memberZone));
        ws.clear();
        return ws;
    }

    /** The use case as the context wires it, on a clock stopped at the given moment. */
    private CheckIns sendingAt(Instant now) {
        return new CheckInModule(
                        stores,
                        new CheckInModule.Neighbours(
                                promises, app.trustpulse.pulse.RatedLeaders.none(), personalAnswers),
                        new CheckInModule.Outside(
                                gateways,
                                triggers,
                                work,
                                app.trustpulse.pulse.Liveness.alone(),
                                app.trustpulse.pulse.PulseMetrics.NONE,
                                Duration.ofMinutes(15)),
                        pseudonyms,
                        planner,
                        texts,
                        Clock.fixed(now, ZoneOffset.UTC))
                .checkIns();
    }
}
