package app.trustpulse.schedule;

import app.trustpulse.pulse.AnswerMixing;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Puts the answers written since the last run back in random order (see {@link AnswerMixing}). */
@DisallowConcurrentExecution
class AnswerMixingJob implements Job {

    private final AnswerMixing mixing;

    public AnswerMixingJob(AnswerMixing mixing) {
        this.mixing = mixing;
    }

    @Override
    public void execute(JobExecutionContext context) {
        mixing.mixPending();
    }
}
