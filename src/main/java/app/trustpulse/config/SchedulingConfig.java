package app.trustpulse.config;

import app.trustpulse.pulse.TeamTriggers;
import app.trustpulse.checkin.SendingCheckIns;
import app.trustpulse.schedule.CheckInRetryWork;
import app.trustpulse.schedule.CheckInRoundWork;
import app.trustpulse.schedule.QuartzTeamTriggers;
import app.trustpulse.schedule.WeekCloseWork;
import app.trustpulse.summary.ClosingWeeks;
import app.trustpulse.summary.WeekSteps;
import app.trustpulse.schedule.WeekStepWork;
import app.trustpulse.schedule.LeaderNudgeWork;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.schedule.SendNowResumeWork;
import app.trustpulse.schedule.UnfinishedWeeksWork;
import app.trustpulse.pulse.WorkQueue;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Quartz with the JDBC job store, clustered, so several instances share the schedule and each job runs once. */
@Configuration(proxyBeanMethods = false)
public class SchedulingConfig {

    @Bean
    TeamTriggers teamTriggers(Scheduler scheduler) {
        return new QuartzTeamTriggers(scheduler);
    }

    @Bean
    CheckInRoundWork checkInRoundWork(SendingCheckIns sending) {
        return new CheckInRoundWork(sending);
    }

    @Bean
    CheckInRetryWork checkInRetryWork(SendingCheckIns sending) {
        return new CheckInRetryWork(sending);
    }

    @Bean
    WeekCloseWork weekCloseWork(ClosingWeeks closing) {
        return new WeekCloseWork(closing);
    }

    @Bean
    SendNowResumeWork sendNowResumeWork(SendingCheckIns sending) {
        return new SendNowResumeWork(sending);
    }

    @Bean
    LeaderNudgeWork leaderNudgeWork(NudgingLeaders nudging) {
        return new LeaderNudgeWork(nudging);
    }

    @Bean
    WeekStepWork weekStepWork(WeekSteps steps) {
        return new WeekStepWork(steps);
    }

    @Bean
    UnfinishedWeeksWork unfinishedWeeksWork(ClosingWeeks closing, WorkQueue work) {
        return new UnfinishedWeeksWork(closing, work);
    }

    /** PostgreSQL needs its own delegate (bytea job data); whichever database is configured decides. */
    @Bean
    SchedulerFactoryBeanCustomizer quartzDelegateForDatabase(DataSource dataSource, QuartzProperties quartz) {
        return factory -> {
            // Setting properties replaces those Spring Boot set from spring.quartz.properties, so start from them.
            Properties p = new Properties();
            p.putAll(quartz.getProperties());
            p.setProperty("org.quartz.jobStore.driverDelegateClass", isPostgres(dataSource)
                    ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                    : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
            factory.setQuartzProperties(p);
        };
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }
}
