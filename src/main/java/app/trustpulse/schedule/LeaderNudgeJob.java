package app.trustpulse.schedule;

import app.trustpulse.nudge.NudgingLeaders;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A team's mid-week nudges for its leaders. */
class LeaderNudgeJob implements Job {

    private final NudgingLeaders nudging;

    public LeaderNudgeJob(NudgingLeaders nudging) {
        this.nudging = nudging;
    }

    @Override
    public void execute(JobExecutionContext context) {
        nudging.scheduledRound(context.getMergedJobDataMap().getLong(TeamJobs.TEAM_ID), context.getScheduledFireTime().toInstant());
    }
}
