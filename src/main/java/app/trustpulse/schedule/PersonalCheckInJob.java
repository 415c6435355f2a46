package app.trustpulse.schedule;

import app.trustpulse.checkin.SendingCheckIns;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** One person's check-in, at the team's check-in time on their own clock. */
class PersonalCheckInJob implements Job {

    private final SendingCheckIns sending;

    public PersonalCheckInJob(SendingCheckIns sending) {
        this.sending = sending;
    }

    @Override
    public void execute(JobExecutionContext context) {
        sending.personalRound(
                context.getMergedJobDataMap().getLong(TeamJobs.TEAM_ID),
                context.getMergedJobDataMap().getString(TeamJobs.USER_ID));
    }
}
