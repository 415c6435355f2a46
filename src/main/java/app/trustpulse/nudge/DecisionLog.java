package app.trustpulse.nudge;

import app.trustpulse.pulse.WeekId;
import java.util.List;
import java.util.Optional;

/** Storage of the randomised nudge decisions, one per team, leader and pulse week. */
public interface DecisionLog {

    /**
     * Stores the decision unless one exists for its team, leader and week, and returns the one that counts: a digest
     * or round that runs again never draws a second time.
     */
    NudgeDecision decideOnce(NudgeDecision decision);

    Optional<NudgeDecision> find(long teamId, String leaderId, WeekId week);

    /** The leader's decisions for pulse weeks {@code from} up to and including {@code to}, oldest first. */
    List<NudgeDecision> ofLeader(long teamId, String leaderId, WeekId from, WeekId to);

    /** Every team's decisions for pulse weeks from {@code from} on: the deployment's trial. */
    List<NudgeDecision> since(WeekId from);

    /** Erases a leader's decisions, with their nudges, when the leader asks to be forgotten. */
    int deleteOfLeader(long teamId, String leaderId);
}
