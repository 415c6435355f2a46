package app.trustpulse.schedule;

import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamTriggers;
import app.trustpulse.pulse.WeekId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * A team's triggers in Quartz's JDBC store: cron triggers in the team's timezone for check-ins, the week
 * close and leader nudges, and one-off triggers for reminders and personal check-ins. Cron triggers
 * follow the zone's daylight-saving rules; a trigger missed while the service was down fires once on
 * return, and the use case skips it unless it is still the same local day.
 */
final class QuartzTeamTriggers implements TeamTriggers {

    private final Scheduler scheduler;

    QuartzTeamTriggers(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void plan(Team team) {
        try {
            schedule(
                    team,
                    TeamJobs.CHECK_IN,
                    CheckInJob.class,
                    team.schedule().checkInDays(),
                    team.schedule().checkInTime());
            schedule(
                    team,
                    TeamJobs.CLOSE,
                    WeekCloseJob.class,
                    Set.of(team.schedule().summaryDay()),
                    team.schedule().summaryTime());
            if (team.schedule().nudgeDays().isEmpty()) {
                scheduler.deleteJob(TeamJobs.job(team.id(), TeamJobs.NUDGES));
            } else {
                schedule(
                        team,
                        TeamJobs.NUDGES,
                        LeaderNudgeJob.class,
                        team.schedule().nudgeDays(),
                        team.schedule().nudgeTime());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not plan team " + team.id(), e);
        }
    }

    /** The cron trigger for a set of days and a time in the team's zone. Package-visible for the DST tests. */
    static Trigger cronTrigger(Team team, String name, Set<DayOfWeek> days, LocalTime time) {
        return TriggerBuilder.newTrigger()
                .withIdentity(TeamJobs.trigger(team.id(), name))
                .forJob(TeamJobs.job(team.id(), name))
                .usingJobData(TeamJobs.TEAM_ID, team.id())
                .withSchedule(CronScheduleBuilder.cronSchedule(TeamJobs.cron(days, time))
                        .inTimeZone(TimeZone.getTimeZone(team.timezone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    private void schedule(Team team, String name, Class<? extends Job> jobClass, Set<DayOfWeek> days, LocalTime time)
            throws SchedulerException {
        JobDetail job = JobBuilder.newJob(jobClass)
                .withIdentity(TeamJobs.job(team.id(), name))
                .usingJobData(TeamJobs.TEAM_ID, team.id())
                .storeDurably()
                .requestRecovery()
                .build();
        scheduler.addJob(job, true, true);
        Trigger trigger = cronTrigger(team, name, days, time);
        if (scheduler.checkExists(trigger.getKey())) {
            scheduler.rescheduleJob(trigger.getKey(), trigger);
        } else {
            scheduler.scheduleJob(trigger);
        }
    }

    @Override
    public void drop(long teamId) {
        try {
            scheduler.deleteJobs(
                    java.util.List.copyOf(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(TeamJobs.group(teamId)))));
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not drop team " + teamId, e);
        }
    }

    @Override
    public void planReminder(long teamId, WeekId week, int slot, Instant at) {
        oneOff(
                teamId,
                TeamJobs.REMINDER,
                ReminderJob.class,
                TeamJobs.REMINDER + "-" + week + "-" + slot,
                at,
                TeamJobs.WEEK,
                week.toString(),
                TeamJobs.SLOT,
                String.valueOf(slot));
    }

    @Override
    public void planPersonalCheckIn(long teamId, String userId, Instant at) {
        oneOff(
                teamId,
                TeamJobs.PERSONAL,
                PersonalCheckInJob.class,
                TeamJobs.PERSONAL + "-" + Integer.toHexString(userId.hashCode()) + "-" + at.getEpochSecond(),
                at,
                TeamJobs.USER_ID,
                userId,
                TeamJobs.WEEK,
                "");
    }

    private void oneOff(
            long teamId,
            String jobName,
            Class<? extends Job> jobClass,
            String triggerName,
            Instant at,
            String k1,
            String v1,
            String k2,
            String v2) {
        try {
            JobDetail job = JobBuilder.newJob(jobClass)
                    .withIdentity(TeamJobs.job(teamId, jobName))
                    .usingJobData(TeamJobs.TEAM_ID, teamId)
                    .storeDurably()
                    .build();
            scheduler.addJob(job, true, true);
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(TeamJobs.trigger(teamId, triggerName))
                    .forJob(job.getKey())
                    .usingJobData(TeamJobs.TEAM_ID, teamId)
                    .usingJobData(k1, v1)
                    .usingJobData(k2, v2)
                    .startAt(Date.from(at))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build();
            if (scheduler.checkExists(trigger.getKey())) {
                scheduler.rescheduleJob(trigger.getKey(), trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not plan " + triggerName + " for team " + teamId, e);
        }
    }

    @Override
    public NextRuns nextRuns(long teamId) {
        return new NextRuns(
                next(teamId, TeamJobs.CHECK_IN), next(teamId, TeamJobs.CLOSE), next(teamId, TeamJobs.NUDGES));
    }

    private Optional<Instant> next(long teamId, String name) {
        try {
            Trigger t = scheduler.getTrigger(TeamJobs.trigger(teamId, name));
            return Optional.ofNullable(t).map(Trigger::getNextFireTime).map(Date::toInstant);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }
}
