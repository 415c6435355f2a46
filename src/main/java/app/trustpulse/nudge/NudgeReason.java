package app.trustpulse.nudge;

/** Why a nudge was chosen. */
public enum NudgeReason {
    /** A fall that passed the alarm test: a possible disruption (see DisruptionDetector). */
    DROP,
    /**
     * Chosen by earlier versions: the lowest mean of the week. No longer chosen, since dimensions differ in how easy
     * their statements are to agree with; kept so older records still read.
     */
    WEAKEST,
    /**
     * The dimension that fell most against its own usual level, in standard errors of the alarm test, without passing
     * it: where the team is moving, not where the wording sits lowest.
     */
    FALLING,
    /**
     * The focus the leader chose with their promise: while they have one, it takes the place of {@link #FALLING}
     * (an alarm still goes to the dimension that fell).
     */
    FOCUS,
    /** The widest gap between the leader's self-check and the team's view. */
    GAP,
    /** Nothing stood out (or too little was published): rotating through the six. */
    ROTATION
}
