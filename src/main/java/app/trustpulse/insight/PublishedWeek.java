package app.trustpulse.insight;

import app.trustpulse.pulse.AnonymityPolicy;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A closed week of a team as stored at its close, before today's threshold is applied: answered and asked are
 * exact (the week is over), cells carry the stored mean and the number of answers.
 */
public record PublishedWeek(WeekId week, int asked, int answered, boolean withheld, Map<Dimension, Cell> cells) {

    public PublishedWeek {
        cells = Collections.unmodifiableMap(new EnumMap<>(cells.isEmpty() ? new EnumMap<>(Dimension.class) : cells));
    }

    /**
     * The week under a threshold: a threshold raised since the close withholds what fewer people gave, so
     * every cell obeys the team's threshold of today.
     */
    public PublishedWeek under(int threshold) {
        boolean whole = withheld || !AnonymityPolicy.mayShow(answered, threshold);
        Map<Dimension, Cell> shown = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.inModelOrder()) {
            Cell c = cells.get(d);
            boolean show = !whole && c != null && !c.withheld() && AnonymityPolicy.mayShow(c.answers(), threshold);
            shown.put(d, show ? c : Cell.withheldCell());
        }
        return new PublishedWeek(week, asked, answered, whole, shown);
    }

    public Cell cell(Dimension d) {
        return cells.getOrDefault(d, Cell.withheldCell());
    }
}
