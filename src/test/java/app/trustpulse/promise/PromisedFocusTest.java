package app.trustpulse.promise;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromisedFocusTest {

    private static Promise promise(String leader, Dimension focus) {
        return new Promise(
                1, 7, leader, focus, "I will ask first", new WeekId(2026, 40), Instant.EPOCH, Optional.empty());
    }

    /** A store whose team 7 has the given active promises; nothing else is asked of it. */
    private static PromiseRepository active(List<Promise> promises) {
        return (PromiseRepository) Proxy.newProxyInstance(
                PromiseRepository.class.getClassLoader(), new Class<?>[] {PromiseRepository.class}, (p, m, args) -> {
                    if (m.getName().equals("active")) {
                        return (long) args[0] == 7 ? promises : List.of();
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void aLeadersFocusIsTheFocusOfTheirOwnActivePromise() {
        PromisedFocus focus =
                new PromisedFocus(active(List.of(promise("ann", Dimension.SAFETY), promise("lea", Dimension.VISION))));

        assertThat(focus.of(7, "lea")).contains(Dimension.VISION);
        assertThat(focus.of(7, "ann")).contains(Dimension.SAFETY);
    }

    @Test
    void aLeaderWithoutAPromiseHasNoChosenFocus() {
        PromisedFocus focus = new PromisedFocus(active(List.of(promise("ann", Dimension.SAFETY))));

        assertThat(focus.of(7, "lea")).isEmpty();
        assertThat(focus.of(8, "ann")).isEmpty();
    }
}
