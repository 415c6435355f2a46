package app.trustpulse.schedule;

import app.trustpulse.summary.ClosingWeeks;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A team's week close: the pulse and the digests. */
class WeekCloseJob implements Job {

    private final ClosingWeeks closing;

    public WeekCloseJob(ClosingWeeks closing) {
        this.closing = closing;
    }

    @Override
    public void execute(JobExecutionContext context) {
        closing.scheduledClose(context.getMergedJobDataMap().getLong(TeamJobs.TEAM_ID), context.getScheduledFireTime().toInstant());
    }
}
