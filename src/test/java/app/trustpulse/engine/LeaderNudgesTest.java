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
import app.trustpulse.pulse.Member;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
        return ws.directsTo(ws.leader).stream().map(d -> d.message())
                .filter(m -> m.blocks().stream().anyMatch(b -> b instanceof Block.Buttons bs
                        && bs.buttons().stream().anyMatch(x -> x.action().startsWith("nudge:"))))
                .toList();
    }

    private static String triedAction(ChatMessage m) {
        return m.blocks().stream().filter(b -> b instanceof Block.Buttons).map(b -> (Block.Buttons) b)
                .flatMap(b -> b.buttons().stream()).map(x -> x.action()).filter(a -> a.endsWith(":tried")).findFirst().orElseThrow();
    }

    private boolean says(ChatMessage m, String text) {
        return m.blocks().stream().anyMatch(b -> b instanceof Block.Context c && c.text().equals(text));
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
        assertThat(ws.directsTo(ws.member(1)).stream().map(d -> d.message()).filter(m -> triedActionOrNull(m) != null)).isEmpty();
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
            nudgeLog.record(new SentNudge(0, team, "UL", "vision-0" + back, Optional.of(Dimension.VISION), NudgeReason.ROTATION,
                    ws.week().minus(back), SentNudge.Occasion.MIDWEEK, clock.instant().minusSeconds(86_400L * 7 * back),
                    Optional.empty()));
        }
        String reduced = en("midweek.reduced");

        assertThat(nudging.nudge(ws.team(), leader(ws))).isTrue();
        assertThat(nudging.nudge(ws.team(), leader(ws))).as("halved to one a week").isFalse();
        ChatMessage first = nudgesTo(ws).get(0);
        assertThat(says(first, reduced)).isTrue();
        assertThat(ws.command(ws.leader, "status").blocks().toString()).contains(en("status.leader.reduced", 1));

        assertThat(ws.click(ws.leader, triedAction(first))).map(ChatMessage::summary).contains(en("nudge.thanks.tried"));
        assertThat(nudging.nudge(ws.team(), leader(ws))).as("back to two a week").isTrue();
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
        assertThat(ws.click(ws.leader, tried.replace(":tried", ":notyet"))).map(ChatMessage::summary)
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
        assertThat(nudging.scheduledRound(ws.team().id(), due)).as("the same round again").isZero();

        assertThat(nudgesTo(ws)).hasSize(1);
        assertThat(nudging.pending(ws.team().id(), due)).isZero();
    }
}
