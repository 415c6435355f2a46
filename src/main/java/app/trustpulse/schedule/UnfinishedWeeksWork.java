package app.trustpulse.schedule;

import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.summary.ClosingWeeks;
import app.trustpulse.work.WorkHandler;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * On every start, closed weeks whose pulse or digests did not all go out (an instance died in the middle of a close)
 * are finished, from the durable queue so a slow platform does not hold up the start.
 */
final class UnfinishedWeeksWork implements WorkHandler, ApplicationListener<ApplicationReadyEvent> {

    static final String KIND = "finish-weeks";

    private final ClosingWeeks closing;
    private final WorkQueue work;

    UnfinishedWeeksWork(ClosingWeeks closing, WorkQueue work) {
        this.closing = closing;
        this.work = work;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(String key, String data) {
        closing.finishUnfinished();
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        work.enqueue(KIND, "start-" + UUID.randomUUID(), "");
    }
}
