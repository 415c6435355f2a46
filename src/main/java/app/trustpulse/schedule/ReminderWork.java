package app.trustpulse.schedule;

import app.trustpulse.checkin.CheckIns;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.work.WorkHandler;

/**
 * A team's reminders for one check-in slot of a week, done from the durable queue (queued once per team, week and
 * slot). A round that met reminders claimed by another sender, or failed to deliver some, fails on purpose, so the
 * queue runs it again with back-off and the missing reminders go out; the ones that went are never sent again.
 */
final class ReminderWork implements WorkHandler {

    static final String KIND = "reminder-round";

    private final CheckIns checkIns;

    ReminderWork(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    /** "team:week:slot", e.g. "42:2026-W48:0". */
    static String key(long teamId, String week, int slot) {
        return teamId + ":" + week + ":" + slot;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(String key, String data) {
        String[] parts = key.split(":");
        long teamId = Long.parseLong(parts[0]);
        CheckIns.ReminderRound round = checkIns.remind(teamId, WeekId.parse(parts[1]), Integer.parseInt(parts[2]));
        if (!round.finished()) {
            throw new IllegalStateException("reminders of team " + teamId + ": " + round.inFlight()
                    + " held by another sender, " + round.failed() + " failed; the round runs again");
        }
    }
}
