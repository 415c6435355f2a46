package app.trustpulse.schedule;

import app.trustpulse.checkin.SendingCheckIns;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A team's check-in round. */
class CheckInJob implements Job {

    private final SendingCheckIns sending;

    public CheckInJob(SendingCheckIns sending) {
        this.sending = sending;
    }

    @Override
    public void execute(JobExecutionContext context) {
        sending.scheduledRound(context.getMergedJobDataMap().getLong(TeamJobs.TEAM_ID), context.getScheduledFireTime().toInstant());
    }
}
