package app.trustpulse.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnceTest {

    @Test
    void theValueIsWorkedOutOnceHoweverManyThreadsAskAtOnce() throws Exception {
        AtomicInteger workedOut = new AtomicInteger();
        Once<String> once = Once.of(() -> "leader " + workedOut.incrementAndGet());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> asked = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                asked.add(threads.submit(once::get));
            }
            for (Future<String> f : asked) {
                assertThat(f.get()).isEqualTo("leader 1");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(workedOut).hasValue(1);
    }

    @Test
    void aFailureIsNotKeptSoTheNextAskTriesAgain() {
        AtomicInteger tries = new AtomicInteger();
        Once<Integer> once = Once.of(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
            return tries.get();
        });

        assertThatThrownBy(once::get).hasMessage("database away");
        assertThat(once.get()).isEqualTo(2);
        assertThat(once.get()).isEqualTo(2);
    }
}
