package app.trustpulse.schedule;

import app.trustpulse.checkin.Reminding;
import app.trustpulse.pulse.WeekId;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/** The one reminder after a check-in round. */
class ReminderJob implements Job {

    private final Reminding reminding;

    public ReminderJob(Reminding reminding) {
        this.reminding = reminding;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        reminding.remind(data.getLong(TeamJobs.TEAM_ID), WeekId.parse(data.getString(TeamJobs.WEEK)),
                Integer.parseInt(data.getString(TeamJobs.SLOT)));
    }
}
