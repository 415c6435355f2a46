package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.privacy.ApplyingRetention;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Feedback;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.OpenWeekParticipation;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.StatementRef;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.WeekId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a person can see and erase of their own data, what a leader can see of a week while it is open, and how
 * long anything is kept.
 */
class DataProtectionTest extends EngineTest {

    @Autowired
    Pseudonymizer pseudonyms;

    @Autowired
    ApplyingRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMemberWhoLeftTheChannelStillSeesAndErasesEverythingTheyGaveThere() {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        ws.dm(ws.member(1), "4 3 5 2 4 5");
        ws.dm(ws.member(2), "trust 3");
        ws.click(ws.member(1), Actions.sendFeedback(ws.team().id(), previewToken(1), "More focus time, please"));
        long teamId = ws.team().id();
        inbox.memberLeft(Platform.PLAYGROUND, ws.id, ws.channel, "U1");
        assertThat(ws.membership(ws.member(1))).isEmpty();

        ChatMessage data = ws.command(ws.member(1), "mydata");
        assertThat(lines(data)).contains(en("mydata.team.former", ws.team().name()));
        assertThat(text(data)).contains("More focus time, please").contains(": 4");

        ChatMessage confirm = ws.command(ws.member(1), "forget-me");
        assertThat(text(confirm)).contains(ws.team().name());
        ChatMessage done = ws.click(ws.member(1), Actions.forgetMe(true)).orElseThrow();

        int checkInsSent = 1;
        assertThat(done.summary()).isEqualTo(en("forget.done", 6, 1, checkInsSent, 0, 0));
        String pseudonym = pseudonyms.pseudonym(teamId, Platform.PLAYGROUND, "U1", ws.week());
        assertThat(answers.ofPseudonyms(teamId, ws.week(), List.of(pseudonym))).isEmpty();
        assertThat(feedback.ofPseudonym(teamId, pseudonyms.feedbackGiver(teamId, Platform.PLAYGROUND, "U1")))
                .isEmpty();
        assertThat(checkIns.ofUser(teamId, "U1", ws.week())).isEmpty();
        assertThat(ws.command(ws.member(1), "mydata").summary()).isEqualTo(en("mydata.none"));
        assertThat(ws.click(ws.member(1), Actions.forgetMe(true)).orElseThrow().summary())
                .isEqualTo(en("mydata.none"));
        // the others' answers stay
        assertThat(answers.ofWeek(teamId, ws.week()))
                .singleElement()
                .extracting(Answer::pseudonym)
                .isEqualTo(pseudonyms.pseudonym(teamId, Platform.PLAYGROUND, "U2", ws.week()));
    }

    @Test
    void forgetMeCountsWhatItErasedInPlainWords() {
        assertThat(en("forget.done", 1, 0, 2, 0, 1))
                .isEqualTo(
                        "Done. I erased one answer, no feedback, 2 check-ins, "
                                + "no nudge records and your membership of one team. Pulses already posted keep their averages.");
        assertThat(nl("forget.done", 3, 1, 1, 2, 2))
                .startsWith("Klaar. Ik heb 3 antwoorden, één feedbackbericht, één check-in, 2 tips");
    }

    @Test
    void whileTheWeekIsOpenStatusShowsParticipationInBandsAndExactCountsOnlyOnceClosed() {
        Ws ws = new Ws().setUp(6);
        ws.command(ws.admin, "send-now");
        String band = en("status.participation.open." + OpenWeekParticipation.BELOW_THRESHOLD, 3);
        ws.dm(ws.member(1), "4 4 4 4 4 4");
        assertThat(lines(ws.command(ws.leader, "status")))
                .anySatisfy(l -> assertThat(l).contains(band));
        ws.dm(ws.member(2), "4 4 4 4 4 4");
        // one more answer does not move what the leader sees
        assertThat(lines(ws.command(ws.leader, "status")))
                .anySatisfy(l -> assertThat(l).contains(band));
        assertThat(text(ws.command(ws.admin, "status"))).doesNotContain(en("status.participation", 2, 6));
        ws.dm(ws.member(3), "4 4 4 4 4 4");
        assertThat(text(ws.command(ws.leader, "status")))
                .contains(en("status.participation.open." + OpenWeekParticipation.HALF, 3));

        ws.command(ws.admin, "close-week");
        assertThat(text(ws.command(ws.leader, "status"))).contains(en("status.participation", 3, 6));
    }

    @Test
    void bandsMoveOnlyAtTheThresholdAtHalfAndAtFourInFive() {
        assertThat(OpenWeekParticipation.of(2, 10, 3)).isEqualTo(OpenWeekParticipation.BELOW_THRESHOLD);
        assertThat(OpenWeekParticipation.of(3, 10, 3)).isEqualTo(OpenWeekParticipation.SOME);
        assertThat(OpenWeekParticipation.of(4, 10, 3)).isEqualTo(OpenWeekParticipation.SOME);
        assertThat(OpenWeekParticipation.of(5, 10, 3)).isEqualTo(OpenWeekParticipation.HALF);
        assertThat(OpenWeekParticipation.of(7, 10, 3)).isEqualTo(OpenWeekParticipation.HALF);
        assertThat(OpenWeekParticipation.of(8, 10, 3)).isEqualTo(OpenWeekParticipation.MOST);
        assertThat(OpenWeekParticipation.of(3, 3, 3)).isEqualTo(OpenWeekParticipation.MOST);
    }

    @Test
    void answersOlderThanTheRetentionAreDeletedWhileThePublishedPulseStays() {
        Ws ws = new Ws().setUp(3);
        Team team = ws.team();
        WeekId old = ws.week().minus(110);
        WeekId recent = ws.week().minus(3);
        String oldPseudonym = pseudonyms.pseudonym(team.id(), team.platform(), "U1", old);
        String recentPseudonym = pseudonyms.pseudonym(team.id(), team.platform(), "U1", recent);
        String giver = pseudonyms.feedbackGiver(team.id(), team.platform(), "U1");
        answers.upsert(
                new Answer(team.id(), old, Dimension.TRUST, oldPseudonym, Role.LEADER, 2, Optional.of("long ago")));
        answers.upsert(
                new Answer(team.id(), recent, Dimension.TRUST, recentPseudonym, Role.LEADER, 4, Optional.empty()));
        feedback.add(new Feedback(0, team.id(), old, giver, "old feedback", Optional.empty()));
        jdbc.sql("INSERT INTO weekly_pulse (team_id, week, closed_at, asked, answered, threshold, withheld) "
                        + "VALUES (:team, :week, CURRENT_TIMESTAMP, 3, 3, 3, FALSE)")
                .param("team", team.id())
                .param("week", old.toString())
                .update();

        retention.apply();

        assertThat(answers.weeks(team.id())).containsExactly(recent);
        assertThat(feedback.ofPseudonym(team.id(), giver)).isEmpty();
        assertThat(pulses.find(team.id(), old)).isPresent();
    }

    @Test
    void aPlaygroundPersonCannotReachATeamOfARealPlatform() {
        Ws ws = new Ws().setUp(3);
        Team real = teams.insert(new Team(
                0,
                Platform.SLACK,
                ws.id,
                "C0REAL",
                "real",
                ws.team().timezone(),
                ws.team().language(),
                3,
                ws.team().schedule(),
                false));
        members.save(new Member(real.id(), "U1", "Alice", Role.MEMBER, Optional.empty(), false, false));
        CheckIn slackCheckIn = checkIns.createIfAbsent(
                new CheckIn(
                        0,
                        real.id(),
                        "U1",
                        ws.week(),
                        0,
                        Role.MEMBER,
                        java.util.List.of(StatementRef.current(Dimension.TRUST, Role.MEMBER, 1)),
                        CheckIn.Status.SENT,
                        Optional.of(clock.instant()),
                        Optional.empty(),
                        Optional.empty()),
                clock.instant());

        // the same user id and workspace id, but coming from the playground
        assertThat(ws.click(ws.member(1), Actions.answerPrefix(slackCheckIn.id(), Dimension.TRUST) + "1"))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("answer.unknownCheckIn")));
        assertThat(ws.click(ws.member(1), Actions.teamCommand(real.id(), "optout")))
                .hasValueSatisfying(m -> assertThat(m.summary()).isEqualTo(en("action.unknown")));
        ws.click(ws.member(1), Actions.sendFeedback(real.id(), previewToken(2), "from the playground"));

        assertThat(answers.ofWeek(real.id(), ws.week())).isEmpty();
        assertThat(feedback.pending(real.id())).isEmpty();
        assertThat(members.find(real.id(), "U1").orElseThrow().optedOut()).isFalse();
    }

    /** A "send" button's token as a fresh preview makes it: now, and a number of its own. */
    private String previewToken(int n) {
        return String.format("%08x%08x", clock.instant().getEpochSecond(), n);
    }
}
