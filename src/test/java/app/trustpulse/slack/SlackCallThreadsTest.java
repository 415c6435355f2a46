package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.support.HoldingHttpServer;
import app.trustpulse.work.WorkProperties;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsConfig;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * The SDK runs every workspace's calls on one pool, and each call waits out its rate limit asleep on a thread of it:
 * the pool holds a thread for every worker that may wait on a call, all of them running at once, and lets them go
 * when idle.
 */
class SlackCallThreadsTest {

    @Test
    void everyThreadOfThePoolRunsACallAtOnceAndIdleThreadsEnd() throws Exception {
        ThreadPoolExecutor pool = (ThreadPoolExecutor)
                new SlackCallThreads(Duration.ofMillis(200)).createThreadPoolExecutor("slack-methods-test", 24);
        CountDownLatch allRunning = new CountDownLatch(24);
        CountDownLatch release = new CountDownLatch(1);
        Set<String> names = ConcurrentHashMap.newKeySet();
        try {
            for (int i = 0; i < 24; i++) {
                pool.execute(() -> {
                    names.add(Thread.currentThread().getName()
                            + (Thread.currentThread().isDaemon() ? "" : " (not a daemon)"));
                    allRunning.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }

            assertThat(allRunning.await(5, TimeUnit.SECONDS))
                    .as("24 calls waiting at once")
                    .isTrue();
            assertThat(names).hasSize(24).allMatch(n -> n.matches("slack-methods-test-worker-\\d+"));
            release.countDown();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> pool.getPoolSize() == 0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thePoolHoldsAThreadForEveryWorkerAndAFewMore() throws Exception {
        WorkProperties work = new WorkProperties(
                128,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                4,
                Duration.ofSeconds(5),
                10,
                Duration.ofSeconds(20));

        assertThat(SlackConfiguration.callThreads(work))
                .isEqualTo(128 + SlackConfiguration.CALL_THREADS_BESIDE_WORKERS);
        assertThat(SlackConfiguration.callThreads(null)).isEqualTo(SlackConfiguration.CALL_THREADS_BESIDE_WORKERS);
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("work", work);
        try (Slack slack = new SlackConfiguration()
                .slackClient(
                        SlackTestSettings.at("http://127.0.0.1:9/api/"),
                        beans.getBeanProvider(PulseMetrics.class),
                        beans.getBeanProvider(WorkProperties.class))) {
            MethodsConfig methods = slack.getConfig().getMethodsConfig();
            assertThat(methods.getDefaultThreadPoolSize())
                    .isEqualTo(128 + SlackConfiguration.CALL_THREADS_BESIDE_WORKERS);
            assertThat(methods.getExecutorServiceProvider()).isInstanceOf(SlackCallThreads.class);
        }
    }

    @Test
    void theNextRoundsCallsGoOverTheConnectionsTheLastOneOpened() throws Exception {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        // 16 workers and the 8 beside them: 24 calls at once.
        beans.registerSingleton(
                "work",
                new WorkProperties(
                        16,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        4,
                        Duration.ofSeconds(5),
                        10,
                        Duration.ofSeconds(20)));
        ExecutorService callers = Executors.newFixedThreadPool(24);
        try (HoldingHttpServer server = new HoldingHttpServer("{\"ok\":true}");
                Slack slack = new SlackConfiguration()
                        .slackClient(
                                SlackTestSettings.at(server.url() + "api/"),
                                beans.getBeanProvider(PulseMetrics.class),
                                beans.getBeanProvider(WorkProperties.class))) {
            for (int round = 0; round < 2; round++) {
                List<Future<AuthTestResponse>> calls = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    calls.add(callers.submit(
                            () -> slack.methods("xoxb-test", "T1").authTest(r -> r)));
                }
                server.awaitHeld(24);
                server.release();
                for (Future<AuthTestResponse> call : calls) {
                    assertThat(call.get(10, TimeUnit.SECONDS).isOk()).isTrue();
                }
            }

            assertThat(server.connections()).isEqualTo(24);
        } finally {
            callers.shutdownNow();
        }
    }
}
