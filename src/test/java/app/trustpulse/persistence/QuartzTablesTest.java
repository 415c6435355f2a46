package app.trustpulse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/** Quartz's own tables, as migrated, hold a durable job with its data and a cron trigger in a timezone. */
class QuartzTablesTest {

    public static class NoOpJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {}
    }

    @BothDatabases
    void quartzStoresAndReadsJobsAndCronTriggers(TestDb db) throws Exception {
        DataSource ds = db.dataSource();
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(ds);
        factory.setTransactionManager(new DataSourceTransactionManager(ds));
        factory.setAutoStartup(false);
        factory.setSchedulerName("quartz-tables-test-" + db);
        Properties props = new Properties();
        props.setProperty(
                "org.quartz.jobStore.driverDelegateClass",
                (db == TestDb.POSTGRESQL ? PostgreSQLDelegate.class : StdJDBCDelegate.class).getName());
        props.setProperty("org.quartz.jobStore.isClustered", "true");
        props.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        props.setProperty("org.quartz.threadPool.threadCount", "1");
        factory.setQuartzProperties(props);
        factory.afterPropertiesSet();
        try {
            Scheduler scheduler = factory.getObject();
            JobDetail job = JobBuilder.newJob(NoOpJob.class)
                    .withIdentity("check-in", "team-7")
                    .usingJobData("teamId", 7L)
                    .storeDurably()
                    .build();
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity("check-in", "team-7")
                    .forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule("0 30 9 ? * MON,WED,FRI")
                            .inTimeZone(TimeZone.getTimeZone("Europe/Amsterdam")))
                    .build();

            scheduler.scheduleJob(job, trigger);

            assertThat(scheduler.getJobDetail(job.getKey()).getJobDataMap().getLong("teamId"))
                    .isEqualTo(7L);
            CronTrigger stored = (CronTrigger) scheduler.getTrigger(trigger.getKey());
            assertThat(stored.getCronExpression()).isEqualTo("0 30 9 ? * MON,WED,FRI");
            assertThat(stored.getTimeZone().getID()).isEqualTo("Europe/Amsterdam");
            assertThat(scheduler.unscheduleJob(trigger.getKey())).isTrue();
        } finally {
            factory.destroy();
        }
    }
}
