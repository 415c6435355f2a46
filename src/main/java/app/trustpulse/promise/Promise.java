package app.trustpulse.promise;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.util.Optional;

/**
 * A leader's focus and promise for the coming weeks: one dimension to work on and one concrete thing the leader will
 * do, in the leader's own words or a tip's. The team sees it in the pulse; from two weeks after it was made the members
 * are asked, every second week, whether they noticed it. A leader has at most one promise in a team at a time.
 *
 * @param madeIn the week the promise was made in; the weeks its question is asked are counted from it
 */
public record Promise(
        long id,
        long teamId,
        String leaderId,
        Dimension focus,
        String text,
        WeekId madeIn,
        Instant madeAt,
        Optional<Instant> endedAt) {

    /** The longest promise: it is shown in the pulse and asked about in a check-in, so it stays one short sentence. */
    public static final int MAX_LENGTH = 300;

    /** Weeks after the promise before the members are first asked whether they noticed it. */
    public static final int FIRST_ASKED_AFTER_WEEKS = 2;

    public Promise {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a promise needs words");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a promise is at most " + MAX_LENGTH + " characters");
        }
    }

    public boolean active() {
        return endedAt.isEmpty();
    }

    /** Whether the members' check-ins of that week ask whether they noticed it: two weeks after, then every second. */
    public boolean askedIn(WeekId week) {
        long after = week.ordinal() - madeIn.ordinal();
        return active() && after >= FIRST_ASKED_AFTER_WEEKS && after % 2 == 0;
    }

    public Promise reworded(Dimension newFocus, String newText) {
        return new Promise(id, teamId, leaderId, newFocus, newText, madeIn, madeAt, endedAt);
    }
}
