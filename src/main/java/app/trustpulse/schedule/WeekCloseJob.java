package app.trustpulse.schedule;

import app.trustpulse.pulse.WorkQueue;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A team's week close: the calendar fires it, the durable queue does it ({@link WeekCloseWork}). */
class WeekCloseJob implements Job {

    private final WorkQueue work;

    public WeekCloseJob(WorkQueue work) {
        this.work = work;
    }

    @Override
    public void execute(JobExecutionContext context) {
        work.enqueue(
                WeekCloseWork.KIND,
                TeamRun.key(
                        context.getMergedJobDataMap().getLong(TeamJobs.TEAM_ID),
                        context.getScheduledFireTime().toInstant()),
                "");
    }
}
