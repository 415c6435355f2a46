package app.trustpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.insight.Cell;
import app.trustpulse.insight.PublishedWeek;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Which dimensions the page says moved this week, and that a withheld cell never shows a change. */
class WeekChangesTest {

    private static final WeekId W10 = new WeekId(2026, 10);

    @Test
    void aDimensionMovesWhenItsShownMeanDiffersFromLastWeekOrTheFourWeeksBeforeByAtLeastAThirdOfAPoint() {
        List<PublishedWeek> history = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            history.add(week(W10.plus(i), Map.of(Dimension.TRUST, 3.0, Dimension.SAFETY, 3.0, Dimension.VISION, 3.4)));
        }
        history.add(week(W10.plus(4), Map.of(Dimension.TRUST, 3.5, Dimension.SAFETY, 3.24, Dimension.VISION, 2.6)));

        WeekChanges.Result r = WeekChanges.of(history);

        assertThat(r.week()).hasValue(W10.plus(4));
        assertThat(r.moved())
                .extracting(WeekChanges.Move::dimension)
                .containsExactly(Dimension.VISION, Dimension.TRUST);
        WeekChanges.Move trust = r.moved().get(1);
        assertThat(trust.sinceLastWeek()).hasValue(0.5);
        assertThat(trust.againstRolling()).hasValue(0.5);
        assertThat(r.moved().get(0).sinceLastWeek()).hasValue(-0.8);
        assertThat(r.steady()).as("3.2 against 3.0 is a wobble").containsExactly(Dimension.SAFETY);
        assertThat(r.hidden())
                .containsExactlyInAnyOrder(Dimension.RESPONSIBILITY, Dimension.FREEDOM, Dimension.CONNECTION);
    }

    @Test
    void aDimensionWithheldThisWeekShowsNoChangeAndAWithheldWeekBeforeIsNoComparison() {
        List<PublishedWeek> history = List.of(
                week(W10, Map.of(Dimension.TRUST, 2.0, Dimension.VISION, 2.0)),
                week(W10.plus(1), Map.of(Dimension.TRUST, 4.5, Dimension.VISION, 4.0)),
                week(W10.plus(2), Map.of(Dimension.TRUST, 2.0)));

        WeekChanges.Result r = WeekChanges.of(history);

        assertThat(r.moved()).extracting(WeekChanges.Move::dimension).containsExactly(Dimension.TRUST);
        assertThat(r.hidden()).contains(Dimension.VISION);
        assertThat(r.moved().get(0).rolling())
                .as("not four published weeks before")
                .isEmpty();

        WeekChanges.Result afterAGap = WeekChanges.of(List.of(
                week(W10, Map.of(Dimension.TRUST, 2.0)),
                week(W10.plus(1), Map.of()),
                week(W10.plus(2), Map.of(Dimension.TRUST, 4.0))));
        assertThat(afterAGap.moved())
                .as("last week withheld: nothing to compare with")
                .isEmpty();
        assertThat(afterAGap.unchecked()).containsExactly(Dimension.TRUST);
    }

    @Test
    void aWholeWeekWithheldOrNoWeekAtAllSaysSo() {
        PublishedWeek withheld = new PublishedWeek(W10.plus(1), 6, 2, true, Map.of());
        WeekChanges.Result r = WeekChanges.of(List.of(week(W10, Map.of(Dimension.TRUST, 2.0)), withheld));
        assertThat(r.withheld()).isTrue();
        assertThat(r.moved()).isEmpty();
        assertThat(WeekChanges.of(List.of()).week()).isEmpty();
    }

    private static PublishedWeek week(WeekId w, Map<Dimension, Double> means) {
        Map<Dimension, Cell> cells = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.inModelOrder()) {
            cells.put(d, means.containsKey(d) ? new Cell(OptionalDouble.of(means.get(d)), 5) : Cell.withheldCell());
        }
        return new PublishedWeek(w, 6, 5, false, cells);
    }
}
