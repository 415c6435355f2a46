package app.trustpulse.schedule;

import app.trustpulse.command.RunningCommands;
import app.trustpulse.work.WorkHandler;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * A team's round of welcomes, done from the durable queue. A round that left welcomes waiting (failed, or held by
 * another sender) fails on purpose, so the queue runs it again with back-off. On every start, teams whose newcomers
 * still wait for a welcome get a round.
 */
final class WelcomeRoundWork implements WorkHandler, ApplicationListener<ApplicationReadyEvent> {

    private final RunningCommands commands;

    WelcomeRoundWork(RunningCommands commands) {
        this.commands = commands;
    }

    @Override
    public String kind() {
        return RunningCommands.WELCOME_ROUND_KIND;
    }

    @Override
    public void run(String key, String data) {
        long teamId = Long.parseLong(key.substring(0, key.indexOf(':')));
        RunningCommands.WelcomeRound round = commands.sendWelcomes(teamId);
        if (round.waiting() > 0) {
            throw new IllegalStateException(
                    "welcomes of team " + teamId + ": " + round.waiting() + " still waiting; the round runs again");
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        commands.resumeWelcomes();
    }
}
