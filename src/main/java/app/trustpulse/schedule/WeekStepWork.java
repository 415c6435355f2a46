package app.trustpulse.schedule;

import app.trustpulse.summary.WeekSteps;
import app.trustpulse.work.WorkHandler;

/** One step after a week close (the pulse post, the feedback release, a digest), retried alone until it is done. */
final class WeekStepWork implements WorkHandler {

    private final WeekSteps steps;

    WeekStepWork(WeekSteps steps) {
        this.steps = steps;
    }

    @Override
    public String kind() {
        return WeekSteps.KIND;
    }

    @Override
    public void run(String key, String data) {
        if (!steps.run(key)) {
            throw new IllegalStateException("week step " + key + " not done yet; tried again later");
        }
    }
}
