package app.trustpulse.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the alarm test and the randomised nudges' estimate to their simulated behaviour at fixed seeds, for a team of
 * eight at per-person noise SD 0.6 and 80 % participation (the full table comes from SignalQualityBenchmark).
 */
class SignalRulesSimulationTest {

    private static final NudgeCatalog CATALOG = new NudgeCatalog();
    private static final SimulatedTeams.Setting EIGHT = new SimulatedTeams.Setting(8, 0.6, 0.3, 0.8);
    private static final int TEAM_YEARS = 100;

    @Test
    void aTeamWhoseTrustNeverChangesGetsAtMostOneFalseAlarmAYear() {
        SimulatedTeams teams = new SimulatedTeams(EIGHT, CATALOG, 11);
        int alarms = 0;
        for (int y = 0; y < TEAM_YEARS; y++) {
            alarms += teams.year(0).falseAlarms();
        }
        assertThat(alarms / (double) TEAM_YEARS).isLessThanOrEqualTo(1.0);
    }

    @Test
    void aTeamWithSharedLastingWeeklyMoodsStillGetsAtMostOneFalseAlarmAYear() {
        // A deadline week or a rumour moves everyone (SD 0.2), and such moods last (AR(1), 0.5).
        SimulatedTeams teams = new SimulatedTeams(new SimulatedTeams.Setting(8, 0.6, 0.3, 0.8, 0.2, 0.5), CATALOG, 16);
        int alarms = 0;
        for (int y = 0; y < TEAM_YEARS; y++) {
            alarms += teams.year(0).falseAlarms();
        }
        assertThat(alarms / (double) TEAM_YEARS).isLessThanOrEqualTo(1.0);
    }

    @Test
    void everyAlarmReachesTheLeaderInOneMessageAcrossTheDigestAndTheMidWeekNudges() {
        SimulatedTeams teams = new SimulatedTeams(new SimulatedTeams.Setting(8, 0.8, 0.3, 0.8, 0.2, 0.5), CATALOG, 17);
        int alarms = 0;
        int messages = 0;
        for (int y = 0; y < 50; y++) {
            SimulatedTeams.Year year = teams.year(0);
            alarms += year.falseAlarms();
            messages += year.alarmMessages();
        }
        assertThat(alarms).isPositive();
        assertThat(messages).isEqualTo(alarms);
    }

    @Test
    void aRealDropOfOnePointIsFlaggedWithinTwoWeeksAtLeastHalfTheTime() {
        SimulatedTeams teams = new SimulatedTeams(EIGHT, CATALOG, 12);
        int flagged = 0;
        for (int y = 0; y < 200; y++) {
            if (teams.dropIsFlagged(1.0)) {
                flagged++;
            }
        }
        // Allowing for shared weekly moods costs power: about 0.85 before, about 0.5 now (SignalQualityBenchmark).
        assertThat(flagged / 200.0).isGreaterThanOrEqualTo(0.4);
    }

    @Test
    void nudgesThatDoNothingShowNoEffectAcrossTheDeployment() {
        RandomisedEffect.Estimate e = deploymentEstimate(0, SimulatedTeams.Probabilities.EVEN, 13);
        assertThat(e.effect()).isBetween(-0.05, 0.05);
    }

    @Test
    void nudgesThatHelpShowTheirEffectAcrossTheDeploymentAlsoWhenTheProbabilityLeansOnTheScores() {
        RandomisedEffect.Estimate e = deploymentEstimate(0.3, SimulatedTeams.Probabilities.BY_FALL, 14);
        assertThat(e.effect()).isBetween(0.2, 0.4);
        assertThat(Math.abs(e.effect() - 0.3)).isLessThanOrEqualTo(e.margin());
    }

    @Test
    void theShippedRuleOfAFallOfAPointWeekOnWeekWouldHaveAlarmedFarMoreOften() {
        // The rule this test replaced, applied to the same simulated answers, for contrast.
        SimulatedTeams teams = new SimulatedTeams(new SimulatedTeams.Setting(6, 0.6, 0.3, 0.8), CATALOG, 15);
        int alarms = 0;
        int naive = 0;
        for (int y = 0; y < 50; y++) {
            SimulatedTeams.Year year = teams.year(0);
            alarms += year.falseAlarms();
            naive += year.naiveAlarms();
        }
        assertThat(naive).isGreaterThan(5 * Math.max(1, alarms));
    }

    private static RandomisedEffect.Estimate deploymentEstimate(
            double effect, SimulatedTeams.Probabilities probabilities, long seed) {
        SimulatedTeams teams = new SimulatedTeams(EIGHT, CATALOG, seed);
        List<RandomisedEffect.Observation> all = new ArrayList<>();
        for (int y = 0; y < TEAM_YEARS; y++) {
            all.addAll(teams.year(effect, probabilities, "team " + y).decisions());
        }
        return RandomisedEffect.estimate(all, 5, 0.05).orElseThrow();
    }
}
