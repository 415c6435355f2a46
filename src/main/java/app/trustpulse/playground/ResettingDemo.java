package app.trustpulse.playground;

import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TeamTriggers;

/**
 * Removes the playground's teams of a workspace with all they hold and their schedule, so the next demo team
 * starts on a fresh week. Only for the playground: a real team is never removed this way.
 */
final class ResettingDemo {

    private final TeamRepository teams;
    private final TeamTriggers triggers;

    ResettingDemo(TeamRepository teams, TeamTriggers triggers) {
        this.teams = teams;
        this.triggers = triggers;
    }

    /** @return how many teams were removed */
    public int reset(String playgroundWorkspace) {
        int removed = 0;
        for (Team team : teams.findByWorkspace(Platform.PLAYGROUND, playgroundWorkspace)) {
            triggers.drop(team.id());
            teams.delete(team.id());
            removed++;
        }
        return removed;
    }
}
