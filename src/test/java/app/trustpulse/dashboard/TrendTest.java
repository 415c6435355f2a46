package app.trustpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.insight.Cell;
import app.trustpulse.insight.PublishedWeek;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Where the trend starts and where its four-week average has a point. */
class TrendTest {

    private static final WeekId W10 = new WeekId(2026, 10);

    @Test
    void theTrendStartsAtTheTeamsFirstPublishedWeek() {
        List<WeekId> range = weeks(W10, 12);
        Trend trend = new Trend(range, List.of(week(W10.plus(5), 3.0), week(W10.plus(7), 4.0)));
        assertThat(trend.weeks()).first().isEqualTo(W10.plus(5));
        assertThat(trend.weeks()).last().isEqualTo(W10.plus(11));

        Trend older = new Trend(range, List.of(week(W10.minus(3), 3.0), week(W10.plus(7), 4.0)));
        assertThat(older.weeks())
                .as("a team older than the range shows the whole range")
                .isEqualTo(range);

        assertThat(new Trend(range, List.of()).weeks())
                .as("nothing published, no trend")
                .isEmpty();
    }

    @Test
    void aRollingPointNeedsAPublishedMeanInEachOfItsFourWeeks() {
        List<WeekId> range = weeks(W10, 8);
        List<PublishedWeek> history = new ArrayList<>();
        double[] means = {2.0, 3.0, 4.0, 5.0, 3.0, -1, 4.0, 4.0};
        for (int i = 0; i < means.length; i++) {
            history.add(means[i] < 0 ? withheld(W10.plus(i)) : week(W10.plus(i), means[i]));
        }
        List<Double> rolling = new Trend(range, history).rolling(Dimension.TRUST);
        assertThat(rolling).containsExactly(null, null, null, 3.5, 3.75, null, null, null);
    }

    @Test
    void weeksBeforeTheRangeCountForItsFirstPoints() {
        List<PublishedWeek> history = new ArrayList<>();
        for (int i = -3; i < 4; i++) {
            history.add(week(W10.plus(i), 4.0));
        }
        assertThat(new Trend(weeks(W10, 4), history).rolling(Dimension.VISION)).containsExactly(4.0, 4.0, 4.0, 4.0);
    }

    private static List<WeekId> weeks(WeekId from, int count) {
        List<WeekId> weeks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            weeks.add(from.plus(i));
        }
        return weeks;
    }

    private static PublishedWeek week(WeekId w, double mean) {
        Map<Dimension, Cell> cells = new EnumMap<>(Dimension.class);
        Arrays.stream(Dimension.values()).forEach(d -> cells.put(d, new Cell(OptionalDouble.of(mean), 5)));
        return new PublishedWeek(w, 6, 5, false, cells);
    }

    private static PublishedWeek withheld(WeekId w) {
        return new PublishedWeek(w, 6, 2, true, Map.of());
    }
}
