package app.trustpulse.promise;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The team's trust account over the last quarter: the focus areas its leaders took up, the promises they made, and how
 * many of those the team noticed. A promise counts as asked once a week's count about it was shown (at or above the
 * threshold), and as noticed when, in its latest shown count, more people saw it (fully or partly) than did not.
 */
public record TrustAccount(int focusAreas, int promises, int asked, int noticed) {

    /** A quarter, in weeks. */
    public static final int WEEKS = 13;

    public static TrustAccount of(Collection<Promise> promises, Collection<Tally> tallies) {
        Set<Dimension> focus = EnumSet.noneOf(Dimension.class);
        promises.forEach(p -> focus.add(p.focus()));
        Map<Long, Tally> latestShown = new HashMap<>();
        for (Tally t : tallies) {
            if (t.withheld()) {
                continue;
            }
            latestShown.merge(t.promiseId(), t, (a, b) -> a.week().compareTo(b.week()) >= 0 ? a : b);
        }
        int asked = 0;
        int noticed = 0;
        for (Promise p : promises) {
            Tally t = latestShown.get(p.id());
            if (t != null) {
                asked++;
                if (t.counts().orElseThrow().noticed()) {
                    noticed++;
                }
            }
        }
        return new TrustAccount(focus.size(), promises.size(), asked, noticed);
    }

    /** The first week of the quarter that ends with {@code week}. */
    public static WeekId quarterFrom(WeekId week) {
        return week.minus(WEEKS - 1);
    }

    public boolean empty() {
        return promises == 0;
    }

    /** The latest count of each promise, shown or withheld. */
    static Map<Long, Tally> latest(List<Tally> tallies) {
        Map<Long, Tally> latest = new HashMap<>();
        for (Tally t : tallies) {
            latest.merge(t.promiseId(), t, (a, b) -> a.week().compareTo(b.week()) >= 0 ? a : b);
        }
        return latest;
    }
}
