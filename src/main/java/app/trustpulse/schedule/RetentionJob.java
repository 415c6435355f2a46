package app.trustpulse.schedule;

import app.trustpulse.privacy.ApplyingRetention;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Deletes what is older than the retention allows, once a day. */
@DisallowConcurrentExecution
class RetentionJob implements Job {

    private final ApplyingRetention retention;

    public RetentionJob(ApplyingRetention retention) {
        this.retention = retention;
    }

    @Override
    public void execute(JobExecutionContext context) {
        retention.apply();
    }
}
