package app.trustpulse.schedule;

import app.trustpulse.summary.ClosingWeeks;
import app.trustpulse.work.WorkHandler;

/** One step after a week close (the pulse post, the feedback release, a digest), retried alone until it is done. */
final class WeekStepWork implements WorkHandler {

    private final ClosingWeeks closing;

    WeekStepWork(ClosingWeeks closing) {
        this.closing = closing;
    }

    @Override
    public String kind() {
        return ClosingWeeks.STEP_WORK;
    }

    @Override
    public void run(String key, String data) {
        if (!closing.runStep(key)) {
            throw new IllegalStateException("week step " + key + " not done yet; tried again later");
        }
    }
}
