package app.trustpulse.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What many threads hand in together is written together; each returns once its own item is written. */
class GroupWriterTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void itemsHandedInWhileAWriteIsBusyGoInTheNextWriteTogether() throws Exception {
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch letFirstEnd = new CountDownLatch(1);
        List<List<Integer>> writes = new CopyOnWriteArrayList<>();
        GroupWriter<Integer, Void> writer = GroupWriter.writing("test-writer", 100, Duration.ofSeconds(5), batch -> {
            writes.add(batch);
            if (batch.contains(0)) {
                firstWriting.countDown();
                await(letFirstEnd);
            }
        });

        Future<?> first = callers.submit(() -> writeQuietly(writer, 0));
        assertThat(firstWriting.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<?>> rest = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            int item = i;
            rest.add(callers.submit(() -> writeQuietly(writer, item)));
        }
        Awaitility.await()
                .pollDelay(Duration.ofMillis(200))
                .until(() -> rest.stream().noneMatch(Future::isDone));
        letFirstEnd.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (Future<?> f : rest) {
            f.get(5, TimeUnit.SECONDS);
        }

        assertThat(writes).hasSize(2);
        assertThat(writes.get(0)).containsExactly(0);
        assertThat(writes.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    }

    @Test
    void anItemThatFailsOnItsOwnFailsOnlyItsCaller() throws Exception {
        List<Integer> written = new CopyOnWriteArrayList<>();
        GroupWriter<Integer, Void> writer = GroupWriter.writing("test-writer", 100, Duration.ofSeconds(5), batch -> {
            if (batch.contains(13)) {
                throw new IllegalArgumentException("13 cannot be written");
            }
            written.addAll(batch);
        });
        List<Future<?>> all = new ArrayList<>();
        for (int i = 10; i < 16; i++) {
            int item = i;
            all.add(callers.submit(() -> {
                writer.write(item);
                return null;
            }));
        }

        for (int i = 0; i < all.size(); i++) {
            if (i == 3) {
                Future<?> thirteen = all.get(i);
                assertThatThrownBy(() -> thirteen.get(5, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("13 cannot be written");
            } else {
                all.get(i).get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(written).containsExactlyInAnyOrder(10, 11, 12, 14, 15);
    }

    @Test
    void eachCallerGetsItsOwnItemsResultAlsoWhenItsBatchWasWrittenAgainItemByItem() throws Exception {
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch letFirstEnd = new CountDownLatch(1);
        List<List<Integer>> writes = new CopyOnWriteArrayList<>();
        GroupWriter<Integer, String> writer = new GroupWriter<>("test-writer", 100, Duration.ofSeconds(5), batch -> {
            writes.add(batch);
            if (batch.contains(0)) {
                firstWriting.countDown();
                await(letFirstEnd);
            }
            if (batch.contains(7) && batch.size() > 1) {
                throw new IllegalStateException("7 fails a batch it shares");
            }
            return batch.stream().map(i -> "written " + i).toList();
        });

        Future<String> first = callers.submit(() -> writer.write(0));
        assertThat(firstWriting.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> rest = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            int item = i;
            rest.add(callers.submit(() -> writer.write(item)));
        }
        Awaitility.await()
                .pollDelay(Duration.ofMillis(200))
                .until(() -> rest.stream().noneMatch(Future::isDone));
        letFirstEnd.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("written 0");
        for (int i = 1; i <= 9; i++) {
            assertThat(rest.get(i - 1).get(5, TimeUnit.SECONDS)).isEqualTo("written " + i);
        }
        // the first alone, the nine together (failed by 7), then each of the nine on its own
        assertThat(writes).hasSize(11);
    }

    @Test
    void theWriterThreadEndsWhenNothingComesAndAnotherStartsWithTheNextItem() throws Exception {
        List<Integer> written = new CopyOnWriteArrayList<>();
        GroupWriter<Integer, Void> writer =
                GroupWriter.writing("idle-test-writer", 10, Duration.ofMillis(100), written::addAll);

        writer.write(1);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !threadAlive("idle-test-writer"));
        writer.write(2);

        assertThat(written).containsExactly(1, 2);
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    private static void writeQuietly(GroupWriter<Integer, Void> writer, int item) {
        try {
            writer.write(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
