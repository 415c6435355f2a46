package app.trustpulse.insight;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PublishedWeekTest {

    private static PublishedWeek week(int answered, boolean withheld) {
        Map<Dimension, Cell> cells = new EnumMap<>(Dimension.class);
        cells.put(Dimension.VISION, new Cell(OptionalDouble.of(3.5), 4));
        cells.put(Dimension.TRUST, new Cell(OptionalDouble.of(4.0), 6));
        cells.put(Dimension.SAFETY, new Cell(OptionalDouble.empty(), 2));
        return new PublishedWeek(WeekId.parse("2026-W40"), 7, answered, withheld, cells);
    }

    @Test
    void aCellFromFewerAnswersThanTodaysThresholdIsWithheld() {
        PublishedWeek shown = week(6, false).under(5);
        assertThat(shown.cell(Dimension.VISION).withheld()).isTrue();
        assertThat(shown.cell(Dimension.VISION).answers())
                .as("no count below the threshold either")
                .isZero();
        assertThat(shown.cell(Dimension.TRUST).mean()).hasValue(4.0);
        assertThat(shown.cell(Dimension.SAFETY).withheld()).isTrue();
        assertThat(shown.cell(Dimension.FREEDOM).withheld())
                .as("a dimension nobody answered")
                .isTrue();
    }

    @Test
    void aWeekWithFewerRespondentsThanTodaysThresholdIsWithheldWhole() {
        PublishedWeek shown = week(4, false).under(5);
        assertThat(shown.withheld()).isTrue();
        assertThat(Dimension.inModelOrder())
                .allSatisfy(d -> assertThat(shown.cell(d).withheld()).isTrue());
    }

    @Test
    void aWeekWithheldAtItsCloseStaysWithheldUnderALowerThreshold() {
        PublishedWeek shown = week(6, true).under(3);
        assertThat(shown.withheld()).isTrue();
        assertThat(shown.cell(Dimension.TRUST).withheld()).isTrue();
    }
}
