package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.work.WorkProperties;
import com.slack.api.Slack;
import com.slack.api.methods.AsyncMethodsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * What the Slack SDK's rate limiter knows of the calls is kept only while it matters: a conversation is let go a minute
 * after its last call, so the memory does not grow with every person the service ever wrote to.
 */
class RecentCallsDatastoreTest {

    private static final String EXECUTOR = "trust-pulse-test";

    /** The wall clock's milliseconds, which the SDK stamps its calls with; the monotonic clock runs along. */
    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);

    private final RecentCallsDatastore store =
            new RecentCallsDatastore(() -> (now.get() - 1_700_000_000_000L) * 1_000_000 + 12_345);

    @Test
    void aConversationCountsItsCallsOfTheLastMinuteAndIsLetGoOnceTheLastIsAMinuteOld() {
        store.addToLastMinuteRequests(EXECUTOR, "T1", "chat.postMessage_C1", now.get());
        now.addAndGet(30_000);
        store.addToLastMinuteRequests(EXECUTOR, "T1", "chat.postMessage_C1", now.get());

        assertThat(store.getNumberOfLastMinuteRequests(EXECUTOR, "T1", "chat.postMessage_C1"))
                .isEqualTo(2);
        assertThat(store.getNumberOfLastMinuteRequests(EXECUTOR, "T2", "chat.postMessage_C1"))
                .isZero();

        now.addAndGet(31_000);
        assertThat(store.getLastMinuteRequests(EXECUTOR, "T1", "chat.postMessage_C1"))
                .hasSize(1);
        store.forgetIdle(now.get());
        assertThat(store.keys()).isEqualTo(1);

        now.addAndGet(30_000);
        store.forgetIdle(now.get());
        assertThat(store.keys()).isZero();
        assertThat(store.getNumberOfLastMinuteRequests(EXECUTOR, "T1", "chat.postMessage_C1"))
                .isZero();
        assertThat(store.keys()).as("asking keeps nothing").isZero();
    }

    @Test
    void aCallWaitingInTheQueueOrARetryAfterInForceKeepsItsKey() {
        store.addToLastMinuteRequests(EXECUTOR, "T1", "users.list", now.get());
        store.addToWaitingMessageIds(EXECUTOR, "T1", "chat.postMessage_C1", "m1");
        store.setRateLimitedMethodRetryEpochMillis(EXECUTOR, "T1", "users.list", now.get() + 90_000);
        now.addAndGet(80_000);
        store.forgetIdle(now.get());

        assertThat(store.keys()).isEqualTo(2);
        assertThat(store.getRateLimitedMethodRetryEpochMillis(EXECUTOR, "T1", "users.list"))
                .isEqualTo(now.get() + 10_000);
        assertThat(store.getStats(EXECUTOR, "T1").getCurrentQueueSize()).containsEntry("chat.postMessage_C1", 1);

        store.deleteFromWaitingMessageIds(EXECUTOR, "T1", "chat.postMessage_C1", "m1");
        now.addAndGet(11_000);
        assertThat(store.getRateLimitedMethodRetryEpochMillis(EXECUTOR, "T1", "users.list"))
                .isNull();
        store.forgetIdle(now.get());
        assertThat(store.keys()).isZero();
    }

    @Test
    void tenThousandConversationsPostedToOnceAreLetGoByTheCallsAMinuteLater() {
        for (int i = 0; i < 10_000; i++) {
            String key = "chat.postMessage_D" + i;
            store.addToWaitingMessageIds(EXECUTOR, "T1", key, "m" + i);
            store.addToLastMinuteRequests(EXECUTOR, "T1", key, now.get());
            store.deleteFromWaitingMessageIds(EXECUTOR, "T1", key, "m" + i);
            store.incrementAllCompletedCalls(EXECUTOR, "T1", "chat.postMessage");
        }
        assertThat(store.keys()).isEqualTo(10_000);

        now.addAndGet(61_000);
        store.addToLastMinuteRequests(EXECUTOR, "T1", "chat.postMessage_C1", now.get());

        assertThat(store.keys()).isEqualTo(1);
        assertThat(store.getStats(EXECUTOR, "T1").getAllCompletedCalls()).containsEntry("chat.postMessage", 10_000L);
    }

    @Test
    void theServicesSlackClientPacesWithThisStoreAndLetsTheConversationsGo() throws Exception {
        try (FakeSlack fake = new FakeSlack().token("xoxb-1", "T1")) {
            Slack slack = new SlackConfiguration()
                    .slackClient(
                            SlackTestSettings.at(fake.apiUrl()),
                            new DefaultListableBeanFactory().getBeanProvider(PulseMetrics.class),
                            new DefaultListableBeanFactory().getBeanProvider(WorkProperties.class));
            try {
                AsyncMethodsClient client = slack.methodsAsync("xoxb-1");
                List<CompletableFuture<?>> posts = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    String channel = "C" + i;
                    posts.add(client.chatPostMessage(q -> q.channel(channel).text("hello")));
                }
                for (CompletableFuture<?> post : posts) {
                    post.get(30, java.util.concurrent.TimeUnit.SECONDS);
                }

                assertThat(slack.getConfig().getMethodsConfig().getMetricsDatastore())
                        .isInstanceOf(RecentCallsDatastore.class);
                RecentCallsDatastore used = (RecentCallsDatastore)
                        slack.getConfig().getMethodsConfig().getMetricsDatastore();
                String executor = slack.getConfig().getMethodsConfig().getExecutorName();
                assertThat(used.getNumberOfLastMinuteRequests(executor, "T1", "chat.postMessage_C7"))
                        .isEqualTo(1);
                assertThat(used.keys()).isGreaterThanOrEqualTo(30);
                assertThat(fake.postedCount("C29")).isEqualTo(1);

                used.forgetIdle(
                        System.currentTimeMillis() + Duration.ofSeconds(61).toMillis());
                assertThat(used.keys()).isZero();
            } finally {
                slack.close();
            }
        }
    }
}
