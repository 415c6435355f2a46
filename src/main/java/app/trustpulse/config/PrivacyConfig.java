package app.trustpulse.config;

import app.trustpulse.persistence.JdbcRetentionStore;
import app.trustpulse.privacy.ApplyingRetention;
import app.trustpulse.privacy.RetentionStore;
import app.trustpulse.schedule.AnswerMixingJob;
import app.trustpulse.schedule.RetentionJob;
import java.time.Clock;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Retention and answer mixing, and the two service-wide Quartz jobs that run them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
public class PrivacyConfig {

    @Bean
    RetentionStore retentionStore(JdbcClient jdbc) {
        return new JdbcRetentionStore(jdbc);
    }

    @Bean
    ApplyingRetention applyingRetention(RetentionStore store, RetentionProperties properties, Clock clock) {
        return new ApplyingRetention(store, properties.policy(), clock);
    }

    @Bean
    JobDetail answerMixingJob() {
        return JobBuilder.newJob(AnswerMixingJob.class).withIdentity("answer-mixing", "service").storeDurably().build();
    }

    @Bean
    Trigger answerMixingTrigger(JobDetail answerMixingJob, RetentionProperties properties) {
        return TriggerBuilder.newTrigger().forJob(answerMixingJob).withIdentity("answer-mixing", "service")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(properties.mixEvery().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    @Bean
    JobDetail retentionJob() {
        return JobBuilder.newJob(RetentionJob.class).withIdentity("retention", "service").storeDurably().build();
    }

    /** Daily at 03:17 UTC: off the hour, when few check-ins go out. */
    @Bean
    Trigger retentionTrigger(JobDetail retentionJob) {
        return TriggerBuilder.newTrigger().forJob(retentionJob).withIdentity("retention", "service")
                .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(3, 17)
                        .inTimeZone(java.util.TimeZone.getTimeZone("UTC"))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
