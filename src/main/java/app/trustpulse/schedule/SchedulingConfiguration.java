package app.trustpulse.schedule;

import app.trustpulse.checkin.CheckIns;
import app.trustpulse.command.RunningCommands;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.TeamTriggers;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.summary.ClosingWeeks;
import app.trustpulse.work.DurableWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Quartz with the JDBC job store, clustered, so several instances share the schedule and each job runs once; the
 * teams' triggers, the service-wide jobs (answer mixing, retention) and the waiting-work gauges.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulingConfiguration {

    @Bean
    TeamTriggers teamTriggers(Scheduler scheduler) {
        return new QuartzTeamTriggers(scheduler);
    }

    @Bean
    SchedulerDoctor schedulerDoctor(
            Scheduler scheduler, org.springframework.beans.factory.ObjectProvider<DurableWork> work) {
        return new SchedulerDoctor(scheduler, () -> work.stream().allMatch(DurableWork::isRunning));
    }

    /** Due scheduled work, by platform and kind, as the work-waiting gauges. */
    @Bean
    DueWork dueWork(JdbcClient jdbc, Clock clock, PulseMetrics metrics) {
        DueWork due = new DueWork(jdbc, clock);
        for (Platform platform : Platform.values()) {
            for (String kind : DueWork.KINDS) {
                metrics.watchWaiting(platform, kind, () -> due.waiting(platform, kind));
            }
        }
        return due;
    }

    /** PostgreSQL needs its own delegate (bytea job data); whichever database is configured decides. */
    @Bean
    SchedulerFactoryBeanCustomizer quartzDelegateForDatabase(DataSource dataSource, QuartzProperties quartz) {
        return factory -> {
            // Setting properties replaces those Spring Boot set from spring.quartz.properties, so start from them.
            Properties p = new Properties();
            p.putAll(quartz.getProperties());
            p.setProperty(
                    "org.quartz.jobStore.driverDelegateClass",
                    isPostgres(dataSource)
                            ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                            : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
            factory.setQuartzProperties(p);
        };
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }

    @Bean
    JobDetail retentionJob() {
        return JobBuilder.newJob(RetentionJob.class)
                .withIdentity("retention", "service")
                .storeDurably()
                .build();
    }

    /** Daily at 03:17 UTC: off the hour, when few check-ins go out. */
    @Bean
    Trigger retentionTrigger(JobDetail retentionJob) {
        return TriggerBuilder.newTrigger()
                .forJob(retentionJob)
                .withIdentity("retention", "service")
                .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(3, 17)
                        .inTimeZone(java.util.TimeZone.getTimeZone("UTC"))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    CheckInRoundWork checkInRoundWork(CheckIns sending) {
        return new CheckInRoundWork(sending);
    }

    @Bean
    WelcomeRoundWork welcomeRoundWork(RunningCommands commands) {
        return new WelcomeRoundWork(commands);
    }

    @Bean
    RosterNoticeWork rosterNoticeWork(RunningCommands commands) {
        return new RosterNoticeWork(commands);
    }

    @Bean
    ReminderWork reminderWork(CheckIns checkIns) {
        return new ReminderWork(checkIns);
    }

    @Bean
    CheckInRetryWork checkInRetryWork(CheckIns sending) {
        return new CheckInRetryWork(sending);
    }

    @Bean
    WeekCloseWork weekCloseWork(ClosingWeeks closing) {
        return new WeekCloseWork(closing);
    }

    @Bean
    SendNowResumeWork sendNowResumeWork(CheckIns sending) {
        return new SendNowResumeWork(sending);
    }

    @Bean
    LeaderNudgeWork leaderNudgeWork(NudgingLeaders nudging) {
        return new LeaderNudgeWork(nudging);
    }

    @Bean
    WeekStepWork weekStepWork(ClosingWeeks closing) {
        return new WeekStepWork(closing);
    }

    @Bean
    UnfinishedWeeksWork unfinishedWeeksWork(ClosingWeeks closing, WorkQueue work) {
        return new UnfinishedWeeksWork(closing, work);
    }
}
