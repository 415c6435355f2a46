package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;

/**
 * One decision point of the randomised nudges: for a leader and the pulse of {@code week}, whether the nudge on the
 * focus {@code dimension} was sent or withheld on purpose, and the probability it had of being sent. The nudge that
 * would go out ({@code nudgeId}) is kept also when it was withheld, so every nudge has its own comparison. {@code rule}
 * says how the dimension was chosen, before the draw: the leader's own focus, or the dimension that fell most.
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
        Instant decidedAt,
        FocusRule rule) {

    /** How the decision's dimension was chosen. */
    public enum FocusRule {
        /** The dimension that fell most against its own usual level ({@link NudgeReason#FALLING}). */
        FELL_MOST,
        /** The focus the leader chose with their promise ({@link NudgeReason#FOCUS}). */
        LEADER_CHOSE
    }

    /** A decision on the dimension that fell most, the rule when the leader has chosen no focus. */
    public NudgeDecision(
            long id,
            long teamId,
            String leaderId,
            WeekId week,
            Dimension dimension,
            String nudgeId,
            double probability,
            boolean sent,
            Instant decidedAt) {
        this(id, teamId, leaderId, week, dimension, nudgeId, probability, sent, decidedAt, FocusRule.FELL_MOST);
    }

    public NudgeDecision {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("a randomisation probability lies strictly between 0 and 1");
        }
        if (rule == null) {
            throw new IllegalArgumentException("a decision says how its dimension was chosen");
        }
    }
}
