package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.NudgeReason;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.nudge.SentNudge;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.DimensionScore;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Mid-week nudges within the fatigue budget, the back-off after ignored nudges, and "I tried it". */
class LeaderNudgesTest extends EngineTest {

    @Autowired
    NudgingLeaders nudging;

    @Autowired
    NudgeLog nudgeLog;

    private Member leader(Ws ws) {
        return ws.membership(ws.leader).orElseThrow();
    }

    private List<ChatMessage> nudgesTo(Ws ws) {
        return ws.directsTo(ws.leader).stream()
                .map(d -> d.message())
                .filter(m -> m.blocks().stream()
                        .anyMatch(b -> b instanceof Block.Buttons bs
                                && bs.buttons().stream()
                                        .anyMatch(x -> x.action().startsWith("nudge:"))))
                .toList();
    }

    private static String triedAction(ChatMessage m) {
        return m.blocks().stream()
                .filter(b -> b instanceof Block.Buttons)
                .map(b -> (Block.Buttons) b)
                .flatMap(b -> b.buttons().stream())
                .map(x -> x.action())
                .filter(a -> a.endsWith(":tried"))
                .findFirst()
                .orElseThrow();
    }

    private boolean says(ChatMessage m, String text) {
        return m.blocks().stream()
                .anyMatch(b -> b instanceof Block.Context c && c.text().equals(text));
    }

    @Test
    void aLeaderGetsAtMostTwoMidWeekNudgesAWeek() {
        Ws ws = new Ws().setUp(3);
        assertThat(nudging.nudge(ws.team(), leader(ws))).isTrue();
        assertThat(nudging.nudge(ws.team(), leader(ws))).isTrue();
        assertThat(nudging.nudge(ws.team(), leader(ws))).isFalse();
        List<ChatMessage> nudges = nudgesTo(ws);
        assertThat(nudges).hasSize(2);
        assertThat(triedAction(nudges.get(0))).isNotEqualTo(triedAction(nudges.get(1)));
        assertThat(ws.directsTo(ws.member(1)).stream().map(d -> d.message()).filter(m -> triedActionOrNull(m) != null))
                .isEmpty();
    }

    private static String triedActionOrNull(ChatMessage m) {
        try {
            return triedAction(m);
        } catch (java.util.NoSuchElementException e) {
            return null;
        }
    }

    @Test
    void afterThreeIgnoredNudgesTheBudgetHalvesSaysSoOnceAndAReactionRestoresIt() {
        Ws ws = new Ws().setUp(3);
        long team = ws.team().id();
        for (int back = 3; back >= 1; back--) {
            nudgeLog.record(new SentNudge(
                    0,
                    team,
                    "UL",
                    "vision-0" + back,
                    Optional.of(Dimension.VISION),
                    NudgeReason.ROTATION,
                    ws.week().minus(back),
                    SentNudge.Occasion.MIDWEEK,
                    clock.instant().minusSeconds(86_400L * 7 * back),
                    Optional.empty()));
        }
        String reduced = en("midweek.reduced");

        assertThat(nudging.nudge(ws.team(), leader(ws))).isTrue();
        assertThat(nudging.nudge(ws.team(), leader(ws)))
                .as("halved to one a week")
                .isFalse();
        ChatMessage first = nudgesTo(ws).get(0);
        assertThat(says(first, reduced)).isTrue();
        assertThat(ws.command(ws.leader, "status").blocks().toString()).contains(en("status.leader.reduced", 1));

        assertThat(ws.click(ws.leader, triedAction(first)))
                .map(ChatMessage::summary)
                .contains(en("nudge.thanks.tried"));
        assertThat(nudging.nudge(ws.team(), leader(ws)))
                .as("back to two a week")
                .isTrue();
        ChatMessage second = nudgesTo(ws).get(1);
        assertThat(says(second, reduced)).isFalse();
        assertThat(ws.command(ws.leader, "status").blocks().toString())
                .contains(en("status.leader", 5, 1, en("status.leader.perWeek", 2)));
    }

    @Test
    void onlyTheLeaderANudgeWasSentToCanReactToIt() {
        Ws ws = new Ws().setUp(3);
        nudging.nudge(ws.team(), leader(ws));
        String tried = triedAction(nudgesTo(ws).get(0));
        assertThat(ws.click(ws.member(1), tried)).map(ChatMessage::summary).contains(en("nudge.notYours"));
        assertThat(ws.click(ws.leader, tried.replace(":tried", ":notyet")))
                .map(ChatMessage::summary)
                .contains(en("nudge.thanks.notYet"));
        long id = Long.parseLong(tried.split(":")[1]);
        assertThat(nudgeLog.find(id).orElseThrow().reaction()).contains(SentNudge.Reaction.NOT_YET);
        assertThat(Actions.parse(tried)).isPresent();
    }

    @Test
    void aLeaderWhoPausedNudgesGetsNoneInTheScheduledRound() {
        Ws ws = new Ws().setUp(3);
        assertThat(ws.command(ws.leader, "nudges off").summary()).isEqualTo(en("nudges.off"));
        assertThat(nudging.scheduledRound(ws.team().id(), Instant.now(clock))).isZero();
        assertThat(nudgesTo(ws)).isEmpty();
        ws.command(ws.leader, "nudges on");
        assertThat(nudging.scheduledRound(ws.team().id(), Instant.now(clock))).isEqualTo(1);
        assertThat(nudgesTo(ws)).hasSize(1);
    }

    @Test
    void aScheduledNudgeRoundThatRunsAgainNudgesEachLeaderOnce() {
        Ws ws = new Ws().setUp(3);
        Instant due = Instant.now(clock);

        assertThat(nudging.scheduledRound(ws.team().id(), due)).isEqualTo(1);
        assertThat(nudging.scheduledRound(ws.team().id(), due))
                .as("the same round again")
                .isZero();

        assertThat(nudgesTo(ws)).hasSize(1);
        assertThat(nudging.pending(ws.team().id(), due)).isZero();
    }

    /**
     * Twelve closed weeks of eight answers each around 4.0, then Safety at 2.0 in the latest: a fall the alarm test
     * calls a disruption in that pulse.
     */
    private WeekId closedWeeksWithAFallInSafety(Ws ws) {
        WeekId latest = ws.week().minus(1);
        for (int back = 11; back >= 0; back--) {
            WeekId week = latest.minus(back);
            List<DimensionScore> scores = new ArrayList<>();
            for (Dimension d : Dimension.inModelOrder()) {
                double mean = d == Dimension.SAFETY && back == 0 ? 2.0 : 4.0 + (back % 3 - 1) * 0.1;
                scores.add(new DimensionScore(
                        d, OptionalDouble.of(mean), 8, OptionalDouble.of(0.7), OptionalDouble.empty(), List.of()));
            }
            pulses.claimClose(ws.team().id(), week, clock.instant());
            pulses.save(new WeeklyPulse(
                    ws.team().id(),
                    week,
                    8,
                    8,
                    3,
                    false,
                    scores,
                    Optional.empty(),
                    back == 0 ? Optional.of(Dimension.SAFETY) : Optional.empty()));
        }
        return latest;
    }

    private List<SentNudge> midWeekNudges(Ws ws) {
        return nudgeLog.ofLeader(ws.team().id(), ws.leader.userId(), Instant.EPOCH).stream()
                .filter(n -> n.occasion() == SentNudge.Occasion.MIDWEEK)
                .toList();
    }

    @Test
    void anAlarmReachesTheLeaderOnceNotInEveryMidWeekNudge() {
        Ws ws = new Ws().setUp(3);
        closedWeeksWithAFallInSafety(ws);

        assertThat(nudging.nudge(ws.team(), leader(ws))).isTrue();
        assertThat(nudging.nudge(ws.team(), leader(ws))).isTrue();

        assertThat(midWeekNudges(ws))
                .extracting(SentNudge::reason)
                .containsExactly(NudgeReason.DROP, NudgeReason.ROTATION);
    }

    @Test
    void anAlarmTheDigestCarriedIsNotRepeatedMidWeek() {
        Ws ws = new Ws().setUp(3);
        WeekId latest = closedWeeksWithAFallInSafety(ws);
        nudgeLog.record(new SentNudge(
                0,
                ws.team().id(),
                ws.leader.userId(),
                "disruption-01",
                Optional.of(Dimension.SAFETY),
                NudgeReason.DROP,
                latest,
                SentNudge.Occasion.DIGEST,
                clock.instant(),
                Optional.empty()));

        assertThat(nudging.nudge(ws.team(), leader(ws))).isTrue();
        assertThat(nudging.nudge(ws.team(), leader(ws))).isTrue();

        assertThat(midWeekNudges(ws)).extracting(SentNudge::reason).doesNotContain(NudgeReason.DROP);
    }
}
