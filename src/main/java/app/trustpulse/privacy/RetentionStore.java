package app.trustpulse.privacy;

import app.trustpulse.pulse.WeekId;
import java.time.Instant;

/** Deletes what is older than the retention allows. */
public interface RetentionStore {

    /** What one run deleted, per kind. */
    record Purged(int answers, int feedback, int nudges, int checkIns, int operational) {}

    Purged purge(WeekId answersBefore, WeekId checkInsBefore, Instant operationalBefore);

    /**
     * Closes the feedback threads whose time is up and destroys the way back to the writer of every closed thread;
     * returns how many closed now.
     */
    int closeFeedbackThreads(Instant now);
}
