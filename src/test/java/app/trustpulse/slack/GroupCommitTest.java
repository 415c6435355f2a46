package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.chat.ProcessedEvents;
import app.trustpulse.pulse.WorkQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class GroupCommitTest {

    private final Store store = new Store();
    private final GroupCommit group = new GroupCommit(
            new TransactionTemplate(store), () -> store, () -> store, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final ExecutorService requests = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        requests.shutdownNow();
    }

    @Test
    void workQueuedWhileRecordedIsKeptForTheCommitNotWritten() throws Exception {
        GroupCommit.Recorded<String> listened = group.record(() -> {
            group.queue().enqueue("slack-request", "event:E1", "{}");
            return "ack";
        });

        assertThat(listened.result()).isEqualTo("ack");
        assertThat(listened.work()).extracting(GroupCommit.Queued::key).containsExactly("event:E1");
        assertThat(store.work).isEmpty();
        assertThat(group.commit("slack:event:E1", listened.work())).isTrue();
        assertThat(store.work).containsExactly("event:E1");
    }

    @Test
    void outsideARecordingWorkGoesToTheQueueAtOnce() {
        group.queue().enqueue("slack-request", "k", "{}");

        assertThat(store.work).containsExactly("k");
    }

    @Test
    void requestsWaitingTogetherShareOneCommitAndEachIsReleasedOnlyAfterIt() throws Exception {
        store.holdCommits = new CountDownLatch(1);
        List<Future<Boolean>> acks = new ArrayList<>();
        acks.add(requests.submit(() -> group.commit("slack:event:E0", work("event:E0"))));
        store.commitStarted.await(5, TimeUnit.SECONDS);
        for (int i = 1; i <= 6; i++) {
            String id = "E" + i;
            acks.add(requests.submit(() -> group.commit("slack:event:" + id, work("event:" + id))));
        }
        Thread.sleep(300);

        assertThat(acks).noneMatch(Future::isDone);
        store.holdCommits.countDown();
        for (Future<Boolean> ack : acks) {
            assertThat(ack.get(5, TimeUnit.SECONDS)).isTrue();
        }
        // the first alone, then the six that waited meanwhile together
        assertThat(store.commits).isEqualTo(2);
        assertThat(store.work).hasSize(7);
    }

    @Test
    void anEventDeliveredTwiceInOneCommitQueuesItsWorkOnce() throws Exception {
        store.holdCommits = new CountDownLatch(1);
        Future<Boolean> other = requests.submit(() -> group.commit("slack:event:X", work("event:X")));
        store.commitStarted.await(5, TimeUnit.SECONDS);
        Future<Boolean> first = requests.submit(() -> group.commit("slack:event:E", work("event:E")));
        Future<Boolean> again = requests.submit(() -> group.commit("slack:event:E", work("event:E")));
        Thread.sleep(300);
        store.holdCommits.countDown();

        assertThat(other.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(List.of(first.get(5, TimeUnit.SECONDS), again.get(5, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder(true, false);
        assertThat(store.work).containsExactlyInAnyOrder("event:X", "event:E");
    }

    @Test
    void aFailingRequestFailsAloneAndLeavesNoMarkTheOthersAreCommitted() throws Exception {
        store.refused = "event:BAD";
        store.holdCommits = new CountDownLatch(1);
        Future<Boolean> before = requests.submit(() -> group.commit("slack:event:A", work("event:A")));
        store.commitStarted.await(5, TimeUnit.SECONDS);
        Future<Boolean> good = requests.submit(() -> group.commit("slack:event:B", work("event:B")));
        Future<Boolean> bad = requests.submit(() -> group.commit("slack:event:BAD", work("event:BAD")));
        Thread.sleep(300);
        store.holdCommits.countDown();

        assertThat(before.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(good.get(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("refused event:BAD");
        assertThat(store.work).containsExactlyInAnyOrder("event:A", "event:B");
        // Slack sends the refused request again; it is new to the store, so it is not taken for a duplicate
        store.refused = null;
        assertThat(group.commit("slack:event:BAD", work("event:BAD"))).isTrue();
        assertThat(store.work).contains("event:BAD");
    }

    private static List<GroupCommit.Queued> work(String key) {
        return List.of(new GroupCommit.Queued("slack-request", key, "{}", Instant.EPOCH));
    }

    /**
     * Marks and queued work that commit or roll back with their transaction, one transaction at a time (the
     * committer's); counts commits and can hold the next one until released.
     */
    private static final class Store extends AbstractPlatformTransactionManager implements ProcessedEvents, WorkQueue {

        final Set<String> marks = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final List<String> work = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile int commits;
        volatile CountDownLatch holdCommits;
        final CountDownLatch commitStarted = new CountDownLatch(1);
        volatile String refused;
        private Set<String> stagedMarks;
        private List<String> stagedWork;

        @Override
        public boolean firstTime(String key, Instant now) {
            if (stagedMarks == null) {
                return marks.add(key);
            }
            return !marks.contains(key) && stagedMarks.add(key);
        }

        @Override
        public boolean enqueueAt(String kind, String key, String data, Instant due) {
            if (key.equals(refused)) {
                throw new IllegalStateException("refused " + key);
            }
            if (stagedWork == null) {
                work.add(key);
            } else {
                stagedWork.add(key);
            }
            return true;
        }

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            stagedMarks = new HashSet<>();
            stagedWork = new ArrayList<>();
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commitStarted.countDown();
            CountDownLatch hold = holdCommits;
            if (hold != null) {
                try {
                    hold.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            marks.addAll(stagedMarks);
            work.addAll(stagedWork);
            commits++;
            stagedMarks = null;
            stagedWork = null;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            stagedMarks = null;
            stagedWork = null;
        }
    }
}
