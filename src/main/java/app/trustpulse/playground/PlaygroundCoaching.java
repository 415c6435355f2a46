package app.trustpulse.playground;

import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.http.HttpStatus;

/**
 * What the playground does to show coaching without waiting for the calendar: the leaders' mid-week nudge
 * round now, and past weeks simulated for the demo team so trends, digests and a quarterly review appear.
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

    /** The leaders' round now; when no leader got one (budget used up, nudges paused) the click says so. */
    int nudgeLeadersNow() {
        int nudged = nudging.scheduledRound(demoTeam().id(), clock.instant());
        if (nudged == 0) {
            throw new PlaygroundRequestException(HttpStatus.CONFLICT, "playground.error.no-nudges");
        }
        return nudged;
    }

    SimulatingWeeks.Result simulate(Integer weeks) {
        int n = weeks == null ? DEFAULT_WEEKS : weeks;
        if (n < 1 || n > SimulatingWeeks.MAX_WEEKS) {
            throw new PlaygroundRequestException("playground.error.bad-weeks", SimulatingWeeks.MAX_WEEKS);
        }
        SimulatingWeeks.Result result = simulating.simulate(demoTeam().id(), n);
        if (result.weeksClosed() == 0) {
            throw new PlaygroundRequestException(HttpStatus.CONFLICT, "playground.error.already-simulated", n);
        }
        return result;
    }

    /** The demo team's timezone, or UTC before there is one. */
    ZoneId demoTimezone() {
        return teams.findByChannel(Platform.PLAYGROUND, Playground.WORKSPACE, Playground.TEAM_CHANNEL)
                .map(Team::timezone)
                .orElse(ZoneOffset.UTC);
    }

    private Team demoTeam() {
        return teams.findByChannel(Platform.PLAYGROUND, Playground.WORKSPACE, Playground.TEAM_CHANNEL)
                .orElseThrow(() -> new PlaygroundRequestException("playground.error.no-demo"));
    }
}
