package app.trustpulse.dashboard;

import app.trustpulse.insight.Cell;
import app.trustpulse.insight.PublishedWeek;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.WeekId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * What moved in the latest closed week: per dimension its published mean against last week's and against the mean of
 * the {@link Trend#WINDOW} weeks before it (only when all of them have a published mean, as the trend's rolling line).
 * A dimension counts as moved when either difference, taken between the values as shown with one decimal, is at least
 * {@link #MOVE}; smaller moves are what a small team's weekly mean does by chance, and read as steady. Only published
 * cells under the team's threshold of today are compared: a withheld cell, this week or before, has no change.
 */
final class WeekChanges {

    /** The least difference called a move. */
    static final double MOVE = 0.3;

    /** A dimension that moved: its mean now, and last week's and the rolling mean where they exist. */
    record Move(Dimension dimension, double now, OptionalDouble lastWeek, OptionalDouble rolling) {

        Optional<Double> sinceLastWeek() {
            return lastWeek.isPresent() ? Optional.of(difference(now, lastWeek.getAsDouble())) : Optional.empty();
        }

        Optional<Double> againstRolling() {
            return rolling.isPresent() ? Optional.of(difference(now, rolling.getAsDouble())) : Optional.empty();
        }

        private double largest() {
            return Math.max(
                    Math.abs(sinceLastWeek().orElse(0.0)),
                    Math.abs(againstRolling().orElse(0.0)));
        }
    }

    /**
     * @param week      the latest closed week, if any
     * @param withheld  the whole week is withheld (too few answered)
     * @param moved     the dimensions that moved, the largest move first
     * @param steady    the dimensions compared that did not move
     * @param unchecked published this week but with nothing before to compare with
     * @param hidden    withheld this week
     */
    record Result(
            Optional<WeekId> week,
            boolean withheld,
            List<Move> moved,
            List<Dimension> steady,
            List<Dimension> unchecked,
            List<Dimension> hidden) {}

    private WeekChanges() {}

    /** @param history the team's published weeks under today's threshold, in any order */
    static Result of(List<PublishedWeek> history) {
        TreeMap<WeekId, PublishedWeek> byWeek = new TreeMap<>();
        history.forEach(p -> byWeek.put(p.week(), p));
        if (byWeek.isEmpty()) {
            return new Result(Optional.empty(), false, List.of(), List.of(), List.of(), List.of());
        }
        PublishedWeek latest = byWeek.lastEntry().getValue();
        if (latest.withheld()) {
            return new Result(Optional.of(latest.week()), true, List.of(), List.of(), List.of(), List.of());
        }
        List<Move> moved = new ArrayList<>();
        List<Dimension> steady = new ArrayList<>();
        List<Dimension> unchecked = new ArrayList<>();
        List<Dimension> hidden = new ArrayList<>();
        for (Dimension d : Dimension.inModelOrder()) {
            OptionalDouble now = mean(latest, d);
            if (now.isEmpty()) {
                hidden.add(d);
                continue;
            }
            OptionalDouble last = mean(byWeek.get(latest.week().minus(1)), d);
            OptionalDouble rolling = rolling(byWeek, latest.week(), d);
            if (last.isEmpty() && rolling.isEmpty()) {
                unchecked.add(d);
                continue;
            }
            Move m = new Move(d, now.getAsDouble(), last, rolling);
            if (m.largest() >= MOVE - 1e-9) {
                moved.add(m);
            } else {
                steady.add(d);
            }
        }
        moved.sort(Comparator.comparingDouble(Move::largest).reversed());
        return new Result(Optional.of(latest.week()), false, moved, steady, unchecked, hidden);
    }

    private static OptionalDouble mean(PublishedWeek p, Dimension d) {
        if (p == null || p.withheld()) {
            return OptionalDouble.empty();
        }
        Cell c = p.cell(d);
        return c.withheld() ? OptionalDouble.empty() : c.mean();
    }

    /** The mean of the {@link Trend#WINDOW} weeks before {@code week}, only when each has a published mean. */
    private static OptionalDouble rolling(Map<WeekId, PublishedWeek> byWeek, WeekId week, Dimension d) {
        double sum = 0;
        for (int back = 1; back <= Trend.WINDOW; back++) {
            OptionalDouble m = mean(byWeek.get(week.minus(back)), d);
            if (m.isEmpty()) {
                return OptionalDouble.empty();
            }
            sum += m.getAsDouble();
        }
        return OptionalDouble.of(sum / Trend.WINDOW);
    }

    /** The difference of two means as they are shown, each with one decimal. */
    static double difference(double now, double before) {
        return BigDecimal.valueOf(PulseCalculator.oneDecimal(now))
                .subtract(BigDecimal.valueOf(PulseCalculator.oneDecimal(before)))
                .doubleValue();
    }
}
