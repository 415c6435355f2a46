package app.trustpulse.schedule;

import app.trustpulse.checkin.CheckIns;
import app.trustpulse.work.WorkHandler;

/**
 * A scheduled check-in round, done from the durable queue. A round that met check-ins claimed by another sender
 * fails on purpose, so the queue runs it again with back-off until those claims went out or were taken back.
 */
final class CheckInRoundWork implements WorkHandler {

    static final String KIND = "check-in-round";

    private final CheckIns sending;

    CheckInRoundWork(CheckIns sending) {
        this.sending = sending;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(String key, String data) {
        TeamRun run = TeamRun.parse(key);
        CheckIns.Round round = sending.scheduledRound(run.teamId(), run.scheduledAt());
        if (round.inFlight() > 0 || round.failed() > 0) {
            throw new IllegalStateException("round of team " + run.teamId() + ": " + round.inFlight()
                    + " check-in(s) held by another sender, " + round.failed() + " failed; the round runs again");
        }
    }
}
