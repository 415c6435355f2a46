package app.trustpulse.schedule;

import app.trustpulse.checkin.CheckIns;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** One person's check-in, at the team's check-in time on their own clock. */
class PersonalCheckInJob implements Job {

    private final CheckIns sending;

    public PersonalCheckInJob(CheckIns sending) {
        this.sending = sending;
    }

    @Override
    public void execute(JobExecutionContext context) {
        sending.personalRound(
                context.getMergedJobDataMap().getLong(TeamJobs.TEAM_ID),
                context.getMergedJobDataMap().getString(TeamJobs.USER_ID));
    }
}
