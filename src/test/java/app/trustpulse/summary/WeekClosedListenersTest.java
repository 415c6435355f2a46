package app.trustpulse.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.pulse.WeekId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeekClosedListenersTest {

    private static final WeekClosed CLOSED = new WeekClosed(7, WeekId.parse("2026-W10"));

    @Test
    void everyListenerHearsTheWeekClosedInTurn() {
        List<String> heard = new ArrayList<>();
        new WeekClosedListeners(List.of(e -> heard.add("first " + e.week()), e -> heard.add("second " + e.week())))
                .publish(CLOSED);

        assertThat(heard).containsExactly("first 2026-W10", "second 2026-W10");
    }

    @Test
    void aFailingListenerDoesNotKeepTheEventFromTheNextAndItsFailureIsThrownAfterwards() {
        List<WeekClosed> heard = new ArrayList<>();
        WeekClosedListeners listeners = new WeekClosedListeners(List.of(
                e -> {
                    throw new IllegalStateException("database gone");
                },
                heard::add));

        assertThatThrownBy(() -> listeners.publish(CLOSED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database gone");
        assertThat(heard).containsExactly(CLOSED);
    }
}
