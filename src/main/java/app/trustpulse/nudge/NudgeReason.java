package app.trustpulse.nudge;

/** Why a nudge was chosen. */
public enum NudgeReason {
    /** A sharp drop: a possible disruption. */
    DROP,
    WEAKEST,
    /** The widest gap between the leader's self-check and the team's view. */
    GAP,
    /** Nothing stood out (or too little was published): rotating through the six. */
    ROTATION
}
