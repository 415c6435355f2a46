package app.trustpulse.schedule;

import app.trustpulse.summary.ClosingWeeks;
import app.trustpulse.work.WorkHandler;

/** A scheduled week close, done from the durable queue; it first finishes earlier weeks that were left unfinished. */
final class WeekCloseWork implements WorkHandler {

    static final String KIND = "week-close";

    private final ClosingWeeks closing;

    WeekCloseWork(ClosingWeeks closing) {
        this.closing = closing;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(String key, String data) {
        TeamRun run = TeamRun.parse(key);
        closing.finishUnfinished();
        closing.scheduledClose(run.teamId(), run.scheduledAt());
    }
}
