package app.trustpulse.privacy;

import app.trustpulse.pulse.WeekId;
import java.time.Instant;

/** Deletes what is older than the retention allows. */
public interface RetentionStore {

    /** What one run deleted, per kind. */
    record Purged(int answers, int feedback, int nudges, int checkIns, int operational) {}

    Purged purge(WeekId answersBefore, WeekId checkInsBefore, Instant operationalBefore);
}
