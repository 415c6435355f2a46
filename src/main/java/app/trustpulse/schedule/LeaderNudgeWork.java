package app.trustpulse.schedule;

import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.work.WorkHandler;

/**
 * A team's mid-week nudge round from the durable queue. A round that left nudges claimed but not sent (a failure, or
 * another sender that may have died) runs again with back-off; each leader's nudge of the day goes out once.
 */
final class LeaderNudgeWork implements WorkHandler {

    static final String KIND = "leader-nudges";

    private final NudgingLeaders nudging;

    LeaderNudgeWork(NudgingLeaders nudging) {
        this.nudging = nudging;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(String key, String data) {
        TeamRun run = TeamRun.parse(key);
        nudging.scheduledRound(run.teamId(), run.scheduledAt());
        int pending = nudging.pending(run.teamId(), run.scheduledAt());
        if (pending > 0) {
            throw new IllegalStateException(
                    pending + " nudge(s) of team " + run.teamId() + " not sent yet; the round runs again");
        }
    }
}
