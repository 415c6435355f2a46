package app.trustpulse.chart;

import java.util.List;
import java.util.OptionalDouble;

/** What one pulse chart shows, in words already in the team's language. */
record ChartData(
        String title,
        String axisLabel,
        String thisWeekLegend,
        String trendLegend,
        String withheldLabel,
        java.util.Locale locale,
        List<Bar> bars) {

    ChartData {
        bars = List.copyOf(bars);
    }

    /** One dimension: this week's mean (empty when withheld) and the average of the weeks before (empty when none). */
    record Bar(String dimension, OptionalDouble thisWeek, OptionalDouble trend) {}
}
