package app.trustpulse.pulse;

import java.time.Instant;

/** The scheduler, as the use cases see it: plans a team's recurring prompts and one-off deliveries. */
public interface TeamTriggers {

    /** Creates or replaces the team's recurring triggers (check-ins, week close, leader nudges). */
    void plan(Team team);

    void drop(long teamId);

    /** One reminder round for the team's open check-ins of a week and slot. */
    void planReminder(long teamId, WeekId week, int slot, Instant at);

    /** A check-in for one person whose own timezone puts it later than the team's round. */
    void planPersonalCheckIn(long teamId, String userId, Instant at);

    /** The next moments the team's recurring triggers fire, for status. */
    NextRuns nextRuns(long teamId);

    record NextRuns(
            java.util.Optional<Instant> checkIn,
            java.util.Optional<Instant> summary,
            java.util.Optional<Instant> nudges) {}
}
