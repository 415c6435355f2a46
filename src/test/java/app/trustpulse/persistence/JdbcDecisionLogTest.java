package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.NOW;
import static app.trustpulse.persistence.Fixtures.WEEK;
import static app.trustpulse.persistence.Fixtures.insertTeam;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.nudge.NudgeDecision;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcDecisionLogTest {

    private static NudgeDecision decision(long team, String leader, WeekId week, double p, boolean sent) {
        return new NudgeDecision(0, team, leader, week, Dimension.SAFETY, "safety-02", p, sent, NOW);
    }

    @BothDatabases
    void keepsTheProbabilityWithTheDecisionWhetherTheNudgeWasSentOrWithheld(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var log = new JdbcDecisionLog(jdbc);

        NudgeDecision withheld = log.decideOnce(decision(team, "L1", WEEK, 0.35, false));
        NudgeDecision sent = log.decideOnce(decision(team, "L1", WEEK.plus(1), 0.8, true));

        assertThat(withheld.id()).isPositive();
        assertThat(log.find(team, "L1", WEEK)).contains(withheld);
        assertThat(withheld.probability()).isEqualTo(0.35);
        assertThat(withheld.sent()).isFalse();
        assertThat(sent.sent()).isTrue();
        assertThat(log.ofLeader(team, "L1", WEEK, WEEK.plus(1))).containsExactly(withheld, sent);
        assertThat(log.ofLeader(team, "L1", WEEK.plus(1), WEEK.plus(5))).containsExactly(sent);
    }

    @BothDatabases
    void keepsWhichRuleChoseTheDimension(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var log = new JdbcDecisionLog(jdbc);

        NudgeDecision fell = log.decideOnce(decision(team, "L1", WEEK, 0.5, true));
        NudgeDecision chosen = log.decideOnce(new NudgeDecision(
                0,
                team,
                "L1",
                WEEK.plus(1),
                Dimension.VISION,
                "vision-01",
                0.5,
                false,
                NOW,
                NudgeDecision.FocusRule.LEADER_CHOSE));

        assertThat(fell.rule()).isEqualTo(NudgeDecision.FocusRule.FELL_MOST);
        assertThat(log.find(team, "L1", WEEK.plus(1)).orElseThrow().rule())
                .isEqualTo(NudgeDecision.FocusRule.LEADER_CHOSE);
        assertThat(chosen.dimension()).isEqualTo(Dimension.VISION);
    }

    @BothDatabases
    void aWeekIsDecidedOnceTheFirstDrawStands(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var log = new JdbcDecisionLog(jdbc);

        NudgeDecision first = log.decideOnce(decision(team, "L1", WEEK, 0.5, false));
        NudgeDecision again = log.decideOnce(decision(team, "L1", WEEK, 0.5, true));

        assertThat(again).isEqualTo(first);
        assertThat(again.sent()).isFalse();
    }

    @BothDatabases
    void listsEveryTeamsDecisionsForTheDeploymentAndForgetsALeader(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long other = insertTeam(jdbc, "C2");
        var log = new JdbcDecisionLog(jdbc);
        log.decideOnce(decision(team, "L1", WEEK.minus(1), 0.5, true));
        log.decideOnce(decision(team, "L1", WEEK, 0.5, true));
        log.decideOnce(decision(other, "L2", WEEK, 0.5, false));

        assertThat(log.since(WEEK)).extracting(NudgeDecision::teamId).containsExactlyInAnyOrder(team, other);

        new JdbcNudgeLog(jdbc).deleteOfLeader(team, "L1");

        assertThat(log.since(WEEK.minus(5))).extracting(NudgeDecision::leaderId).containsExactly("L2");
    }
}
