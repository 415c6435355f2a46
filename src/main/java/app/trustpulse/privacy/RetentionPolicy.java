package app.trustpulse.privacy;

import java.time.Duration;
import java.time.Period;

/**
 * How long data is kept.
 *
 * @param answers     answers, comments, feedback and leaders' nudge records; the published weekly aggregates stay
 * @param checkIns    check-ins (who was asked what, and whether they answered)
 * @param operational delivery bookkeeping: handled-event keys, delivery records, OAuth states, parked (dead-letter)
 * work
 */
public record RetentionPolicy(Period answers, Period checkIns, Duration operational) {

    public RetentionPolicy {
        if (answers.isNegative()
                || answers.isZero()
                || checkIns.isNegative()
                || checkIns.isZero()
                || operational.isNegative()
                || operational.isZero()) {
            throw new IllegalArgumentException("retention periods must be positive");
        }
    }
}
