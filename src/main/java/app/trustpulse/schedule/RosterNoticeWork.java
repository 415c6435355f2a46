package app.trustpulse.schedule;

import app.trustpulse.command.RunningCommands;
import app.trustpulse.work.WorkHandler;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Posts one roster notice in its team's channel, from the durable queue. A notice not posted yet (the platform refused
 * it, or another sender holds it) fails the run on purpose, so the queue runs it again with back-off. On every start,
 * notices left unposted by a crash are queued again.
 */
final class RosterNoticeWork implements WorkHandler, ApplicationListener<ApplicationReadyEvent> {

    private final RunningCommands commands;

    RosterNoticeWork(RunningCommands commands) {
        this.commands = commands;
    }

    @Override
    public String kind() {
        return RunningCommands.ROSTER_NOTICE_KIND;
    }

    @Override
    public void run(String key, String data) {
        if (!commands.postRosterNotice(key)) {
            throw new IllegalStateException("roster notice " + key + " not posted yet; tried again later");
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        commands.resumeRosterNotices();
    }
}
