package app.trustpulse.playground;

import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import java.time.Clock;

/**
 * What the playground does to show coaching without waiting for the calendar: the leaders' mid-week nudge
 * round now, and past weeks simulated for the demo team so trends, digests and a monthly review appear.
 */
final class PlaygroundCoaching {

    static final int DEFAULT_WEEKS = 6;

    private final TeamRepository teams;
    private final NudgingLeaders nudging;
    private final SimulatingWeeks simulating;
    private final Clock clock;

    PlaygroundCoaching(TeamRepository teams, NudgingLeaders nudging, SimulatingWeeks simulating, Clock clock) {
        this.teams = teams;
        this.nudging = nudging;
        this.simulating = simulating;
        this.clock = clock;
    }

    /** @return how many leaders got a nudge (none when their weekly budget is used up) */
    int nudgeLeadersNow() {
        return nudging.scheduledRound(demoTeam().id(), clock.instant());
    }

    SimulatingWeeks.Result simulate(Integer weeks) {
        int n = weeks == null ? DEFAULT_WEEKS : weeks;
        if (n < 1 || n > SimulatingWeeks.MAX_WEEKS) {
            throw new PlaygroundRequestException("playground.error.bad-weeks", SimulatingWeeks.MAX_WEEKS);
        }
        return simulating.simulate(demoTeam().id(), n);
    }

    private Team demoTeam() {
        return teams.findByChannel(Platform.PLAYGROUND, Playground.WORKSPACE, Playground.TEAM_CHANNEL)
                .orElseThrow(() -> new PlaygroundRequestException("playground.error.no-demo"));
    }
}
