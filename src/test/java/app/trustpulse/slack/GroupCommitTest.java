package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.pulse.WorkQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private final GroupCommit group = new GroupCommit(new TransactionTemplate(store), () -> store);
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
        group.commit(listened.work());
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
        List<Future<?>> acks = new ArrayList<>();
        acks.add(commit("event:E0"));
        store.commitStarted.await(5, TimeUnit.SECONDS);
        for (int i = 1; i <= 6; i++) {
            String id = "E" + i;
            acks.add(commit("event:" + id));
        }
        Thread.sleep(300);

        assertThat(acks).noneMatch(Future::isDone);
        store.holdCommits.countDown();
        for (Future<?> ack : acks) {
            ack.get(5, TimeUnit.SECONDS);
        }
        // the first alone, then the six that waited meanwhile together
        assertThat(store.commits).isEqualTo(2);
        assertThat(store.work).hasSize(7);
    }

    @Test
    void anEventDeliveredTwiceInOneCommitQueuesItsWorkOnceAndBothAreAcknowledged() throws Exception {
        store.holdCommits = new CountDownLatch(1);
        Future<?> other = commit("event:X");
        store.commitStarted.await(5, TimeUnit.SECONDS);
        Future<?> first = commit("event:E");
        Future<?> again = commit("event:E");
        Thread.sleep(300);
        store.holdCommits.countDown();

        other.get(5, TimeUnit.SECONDS);
        first.get(5, TimeUnit.SECONDS);
        again.get(5, TimeUnit.SECONDS);
        assertThat(store.work).containsExactlyInAnyOrder("event:X", "event:E");
    }

    @Test
    void aRedeliveryOfWorkStillQueuedIsAcknowledgedAndAddsNothing() throws Exception {
        group.commit(work("event:E"));

        group.commit(work("event:E"));

        assertThat(store.work).containsExactly("event:E");
        assertThat(store.commits).isEqualTo(2);
    }

    @Test
    void aFailingRequestFailsAloneTheOthersAreCommitted() throws Exception {
        store.refused = "event:BAD";
        store.holdCommits = new CountDownLatch(1);
        Future<?> before = commit("event:A");
        store.commitStarted.await(5, TimeUnit.SECONDS);
        Future<?> good = commit("event:B");
        Future<?> bad = commit("event:BAD");
        Thread.sleep(300);
        store.holdCommits.countDown();

        before.get(5, TimeUnit.SECONDS);
        good.get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("refused event:BAD");
        assertThat(store.work).containsExactlyInAnyOrder("event:A", "event:B");
        // Slack sends the refused request again, and this time it is stored
        store.refused = null;
        group.commit(work("event:BAD"));
        assertThat(store.work).contains("event:BAD");
    }

    private Future<?> commit(String key) {
        return requests.submit(() -> {
            group.commit(work(key));
            return null;
        });
    }

    private static List<GroupCommit.Queued> work(String key) {
        return List.of(new GroupCommit.Queued("slack-request", key, "{}", Instant.EPOCH));
    }

    /**
     * Queued work that commits or rolls back with its transaction, one transaction at a time (the committer's), a key
     * kept once as the durable queue keeps it; counts commits and can hold the next one until released.
     */
    private static final class Store extends AbstractPlatformTransactionManager implements WorkQueue {

        final List<String> work = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile int commits;
        volatile CountDownLatch holdCommits;
        final CountDownLatch commitStarted = new CountDownLatch(1);
        volatile String refused;
        private List<String> stagedWork;

        @Override
        public boolean enqueueAt(String kind, String key, String data, Instant due) {
            if (key.equals(refused)) {
                throw new IllegalStateException("refused " + key);
            }
            if (work.contains(key) || (stagedWork != null && stagedWork.contains(key))) {
                return false;
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
            work.addAll(stagedWork);
            commits++;
            stagedWork = null;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            stagedWork = null;
        }
    }
}
