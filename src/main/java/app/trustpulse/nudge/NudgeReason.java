package app.trustpulse.nudge;

/** Why a nudge was chosen. */
public enum NudgeReason {
    /** A fall that passed the alarm test: a possible disruption (see DisruptionDetector). */
    DROP,
    WEAKEST,
    /** The widest gap between the leader's self-check and the team's view. */
    GAP,
    /** Nothing stood out (or too little was published): rotating through the six. */
    ROTATION
}
