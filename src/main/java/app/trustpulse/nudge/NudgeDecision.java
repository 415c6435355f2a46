package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;

/**
 * One decision point of the randomised nudges: for a leader and the pulse of {@code week}, whether the nudge on the
 * focus {@code dimension} was sent or withheld on purpose, and the probability it had of being sent. The nudge that
 * would go out ({@code nudgeId}) is kept also when it was withheld, so every nudge has its own comparison.
 */
public record NudgeDecision(
        long id,
        long teamId,
        String leaderId,
        WeekId week,
        Dimension dimension,
        String nudgeId,
        double probability,
        boolean sent,
        Instant decidedAt) {

    public NudgeDecision {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("a randomisation probability lies strictly between 0 and 1");
        }
    }
}
