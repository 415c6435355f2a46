package app.trustpulse.summary;

import app.trustpulse.pulse.WeekId;

/**
 * A team's week was closed and its pulse saved. What follows from it (posting the pulse, releasing feedback, each
 * leader's digest) listens for it; see {@link WeekClosedListeners} for how it is handed out.
 */
public record WeekClosed(long teamId, WeekId week) {

    /**
     * Reacts to a closed week. The same week may be handed out more than once (a close finished after a crash, the
     * look for unfinished weeks), so a listener must be idempotent: it keeps in the database what it did.
     */
    public interface Listener {

        void weekClosed(WeekClosed event);
    }
}
