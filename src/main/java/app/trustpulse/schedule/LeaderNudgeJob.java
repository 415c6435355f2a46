package app.trustpulse.schedule;

import app.trustpulse.pulse.WorkQueue;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A team's mid-week nudges: the calendar fires them, the durable queue does them ({@link LeaderNudgeWork}). */
class LeaderNudgeJob implements Job {

    private final WorkQueue work;

    public LeaderNudgeJob(WorkQueue work) {
        this.work = work;
    }

    @Override
    public void execute(JobExecutionContext context) {
        work.enqueue(
                LeaderNudgeWork.KIND,
                TeamRun.key(
                        context.getMergedJobDataMap().getLong(TeamJobs.TEAM_ID),
                        context.getScheduledFireTime().toInstant()),
                "");
    }
}
