package app.trustpulse.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NowAndThenTest {

    @Test
    void letsACallerThroughOnlyOnceMoreThanTheIntervalHasPassed() {
        NowAndThen sweeps = new NowAndThen(60, 1_000);

        assertThat(sweeps.due(1_000)).isFalse();
        assertThat(sweeps.due(1_060)).as("not more than the interval yet").isFalse();
        assertThat(sweeps.due(1_061)).isTrue();
        assertThat(sweeps.due(1_061)).as("the pass just made counts").isFalse();
        assertThat(sweeps.due(1_121)).isFalse();
        assertThat(sweeps.due(1_122)).isTrue();
    }

    @Test
    void aClockSetBackLetsTheNextCallerThrough() {
        NowAndThen sweeps = new NowAndThen(60, 1_000);

        assertThat(sweeps.due(500)).isTrue();
        assertThat(sweeps.due(520)).as("an interval from the new time").isFalse();
    }

    @Test
    void theMonotonicClockWrappingAroundIsNoPass() {
        NowAndThen sweeps = new NowAndThen(60, Long.MAX_VALUE - 10);

        assertThat(sweeps.due(Long.MAX_VALUE - 10 + 30))
                .as("30 later, across the wrap")
                .isFalse();
        assertThat(sweeps.due(Long.MAX_VALUE - 10 + 61)).isTrue();
    }

    @Test
    void aPassMadeAnotherWayPutsTheNextAnIntervalAway() {
        NowAndThen sweeps = new NowAndThen(60, 0);

        sweeps.passed(100);

        assertThat(sweeps.due(150)).isFalse();
        assertThat(sweeps.due(161)).isTrue();
    }

    @Test
    void ofManyCallersAtTheSameMomentOneGoesThrough() throws Exception {
        NowAndThen sweeps = new NowAndThen(60, 0);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> through = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                through.add(callers.submit(() -> {
                    go.await();
                    return sweeps.due(100);
                }));
            }
            go.countDown();
            int passed = 0;
            for (Future<Boolean> f : through) {
                passed += f.get(5, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(passed).isEqualTo(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aNegativeIntervalIsRefused() {
        assertThatThrownBy(() -> new NowAndThen(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
