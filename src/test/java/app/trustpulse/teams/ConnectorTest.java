package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.schema.Activity;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every tenant of a region posts through one service URL: a client sends as many requests to that one host at once
 * as it was given, not OkHttp's 5, so the rounds of many tenants do not queue behind each other's.
 */
class ConnectorTest {

    private HttpServer server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            byte[] body = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void aClientSendsAsManyRequestsToOneHostAtOnceAsItWasGiven() throws Exception {
        Connector connector = new Connector(new TestBotCredentials("test-app-id"), 24);
        String serviceUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        List<CompletableFuture<?>> posts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Activity message = Activity.createMessageActivity();
            message.setText("How was your week?");
            posts.add(connector.at(serviceUrl).getConversations().sendToConversation("a:conv" + i, message));
        }

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> inFlight.get() == 24);
        release.countDown();
        for (CompletableFuture<?> post : posts) {
            post.get(10, TimeUnit.SECONDS);
        }
        assertThat(most.get()).isEqualTo(24);
    }

    @Test
    void theServiceGivesEveryWorkersRoundItsSendsAtOnce() {
        app.trustpulse.work.WorkProperties work = new app.trustpulse.work.WorkProperties(
                128,
                java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(5),
                4,
                java.time.Duration.ofSeconds(5),
                10,
                java.time.Duration.ofSeconds(20));
        TeamsSettings fourAtOnce = new TeamsSettings(
                false,
                null,
                "http://127.0.0.1:9/",
                4,
                java.time.Duration.ofMillis(100),
                java.time.Duration.ofSeconds(2),
                1.0,
                4);

        assertThat(TeamsConfiguration.concurrentCalls(work, fourAtOnce))
                .isEqualTo(128 * 4 + TeamsConfiguration.CALLS_BESIDE_WORKERS);
        assertThat(TeamsConfiguration.concurrentCalls(null, fourAtOnce))
                .isEqualTo(4 + TeamsConfiguration.CALLS_BESIDE_WORKERS);
    }

    @Test
    void noneAtOnceIsRefused() {
        assertThatThrownBy(() -> new Connector(new TestBotCredentials("test-app-id"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
