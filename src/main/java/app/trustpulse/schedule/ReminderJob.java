package app.trustpulse.schedule;

import app.trustpulse.pulse.WorkQueue;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/** The one reminder after a check-in round: the calendar fires it, the durable queue does it ({@link ReminderWork}). */
class ReminderJob implements Job {

    private final WorkQueue work;

    public ReminderJob(WorkQueue work) {
        this.work = work;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        work.enqueue(
                ReminderWork.KIND,
                ReminderWork.key(
                        data.getLong(TeamJobs.TEAM_ID),
                        data.getString(TeamJobs.WEEK),
                        Integer.parseInt(data.getString(TeamJobs.SLOT))),
                "");
    }
}
