package app.trustpulse.schedule;

import app.trustpulse.pulse.WorkQueue;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A team's check-in round: the calendar fires it, the durable queue does it ({@link CheckInRoundWork}). */
class CheckInJob implements Job {

    private final WorkQueue work;

    public CheckInJob(WorkQueue work) {
        this.work = work;
    }

    @Override
    public void execute(JobExecutionContext context) {
        work.enqueue(
                CheckInRoundWork.KIND,
                TeamRun.key(
                        context.getMergedJobDataMap().getLong(TeamJobs.TEAM_ID),
                        context.getScheduledFireTime().toInstant()),
                "");
    }
}
