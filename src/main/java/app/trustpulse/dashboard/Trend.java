package app.trustpulse.dashboard;

import app.trustpulse.insight.Cell;
import app.trustpulse.insight.PublishedWeek;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weeks the trend shows and its rolling means. The trend starts at the range's first week, or at the team's first
 * published week when that came later, so there are no empty weeks from before the team had a pulse; when nothing was
 * published yet there is no trend. The rolling mean of a week is the mean of the published means of that week and the
 * three before it, only when all four have one: a week without a published score (not closed, withheld, paused) leaves
 * no point, so the line never stands on fewer weeks than it says. Withheld cells have no mean and never count.
 */
final class Trend {

    /** How many weeks a rolling mean takes. */
    static final int WINDOW = 4;

    private final List<WeekId> weeks;
    private final Map<WeekId, PublishedWeek> published = new TreeMap<>();

    /**
     * @param range the weeks the viewer asked for, oldest first
     * @param history the team's published weeks, at least those of the range and a few before, under today's threshold
     */
    Trend(List<WeekId> range, List<PublishedWeek> history) {
        history.forEach(p -> published.put(p.week(), p));
        WeekId first =
                published.isEmpty() ? null : published.keySet().iterator().next();
        this.weeks = first == null
                ? List.of()
                : range.stream().filter(w -> w.compareTo(first) >= 0).toList();
    }

    List<WeekId> weeks() {
        return weeks;
    }

    /** Per shown week the rolling mean of the dimension, or null where a week of its window has no published mean. */
    List<Double> rolling(Dimension d) {
        List<Double> means = new ArrayList<>();
        for (WeekId w : weeks) {
            double sum = 0;
            boolean complete = true;
            for (int back = 0; back < WINDOW && complete; back++) {
                PublishedWeek p = published.get(w.minus(back));
                Cell c = p == null ? null : p.cell(d);
                if (c == null || c.withheld() || c.mean().isEmpty()) {
                    complete = false;
                } else {
                    sum += c.mean().getAsDouble();
                }
            }
            means.add(complete ? sum / WINDOW : null);
        }
        return means;
    }
}
