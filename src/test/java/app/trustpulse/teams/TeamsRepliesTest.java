package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Application;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.support.QueuedWork;
import app.trustpulse.support.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Replies in Teams come from the durable queue, each at the moment its conversation may take it: the whole
 * application, driven over HTTP as the Bot Connector drives it, against a fake connector that enforces Teams'
 * limits (7 posts a second per conversation, 30 per tenant) with 429.
 */
@SpringBootTest(
        classes = Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "microsoft.app.id=test-app-id",
            "microsoft.app.password=not-used-in-tests",
            "pulse.pseudonym-secret=" + TestDatabases.PSEUDONYM_KEY,
            "pulse.playground.enabled=false",
            "pulse.work.polling-interval=500ms",
            "spring.datasource.url=jdbc:h2:mem:teams-replies;DB_CLOSE_DELAY=-1" + TestDatabases.H2_FLAGS
        })
@Import(OfflineCredentials.class)
class TeamsRepliesTest {

    static final FakeBotConnector CONNECTOR = start();
    static final TestTokens TOKENS = new TestTokens();
    static final TeamsPayloads PAYLOADS = new TeamsPayloads(CONNECTOR.url());

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) {
        registry.add("teams.openid-metadata-url", CONNECTOR::openIdUrl);
        registry.add("teams.graph-url", CONNECTOR::graphUrl);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkQueue work;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void connectorLimits() {
        CONNECTOR.publishKey(TestTokens.KEY_ID, TOKENS.publishedKey());
        CONNECTOR.enforceTeamsLimits();
        CONNECTOR.reset();
    }

    @AfterAll
    static void stop() {
        CONNECTOR.close();
    }

    @Test
    void aMemberSendingManyMessagesDoesNotDelayAnotherPersonsAnswer() throws Exception {
        String busy = "29:busy";
        String other = "29:other";
        int messages = 40;
        String token = "Bearer " + TOKENS.valid("test-app-id", CONNECTOR.url());
        List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> acks = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            acks.add(http.sendAsync(
                    request(PAYLOADS.personalMessage(TeamsPayloads.nextId(), busy, "Bo Busy", "hello " + i), token),
                    HttpResponse.BodyHandlers.discarding()));
        }
        // Every activity is acknowledged at once, within Teams' 15 seconds, whatever waits behind it.
        assertThat(acks).allSatisfy(a -> assertThat(a.join().statusCode()).isEqualTo(200));
        assertThat(post(PAYLOADS.personalMessage(TeamsPayloads.nextId(), other, "Olli Other", "pulse help")))
                .isEqualTo(200);

        awaitPosts("a:chat-" + other, 1);
        // Teams takes 7 replies to one conversation in a second and 8 in two: the busy member's 40 need about ten
        // seconds, and the other person's answer did not wait behind them.
        List<String> order = new ArrayList<>();
        CONNECTOR.posted().forEach(c -> order.add(c.conversationId()));
        long busyBefore = order.subList(0, order.indexOf("a:chat-" + other)).stream()
                .filter(("a:chat-" + busy)::equals)
                .count();
        assertThat(busyBefore)
                .as("replies to the busy member before the other person's answer")
                .isLessThanOrEqualTo(20);

        awaitPosts("a:chat-" + busy, messages);
        Thread.sleep(1500);
        assertThat(CONNECTOR.postedTo("a:chat-" + busy)).hasSize(messages);
        assertThat(CONNECTOR.postedTo("a:chat-" + other)).hasSize(1);
        assertThat(CONNECTOR.throttledCount()).as("posts over Teams' limits").isZero();
    }

    @Test
    void anActivityHandledAgainAfterACrashDoesNotAnswerTwice() throws Exception {
        String mia = "29:mia";
        String id = TeamsPayloads.nextId();
        String body = PAYLOADS.personalMessage(id, mia, "Mia Member", "pulse help");
        post(body);
        awaitPosts("a:chat-" + mia, 1);

        // The worker died after the answer went out, before the activity's work was marked done: it runs again.
        work.enqueue(TeamsActivityWork.KIND, "activity:" + id, body);
        QueuedWork.awaitDone(jdbc);
        Thread.sleep(1000);
        assertThat(CONNECTOR.postedTo("a:chat-" + mia)).hasSize(1);

        // The same while the answer still waits for its turn: the conversation is busy, so it is queued for later.
        String sam = "29:sam";
        String lastId = null;
        String last = null;
        for (int i = 0; i < 9; i++) {
            lastId = TeamsPayloads.nextId();
            last = PAYLOADS.personalMessage(lastId, sam, "Sam Member", "hello " + i);
            post(last);
        }
        QueuedWork.awaitDone(jdbc);
        assertThat(CONNECTOR.postedTo("a:chat-" + sam))
                .as("answers sent before the ninth's turn")
                .hasSizeLessThan(9);
        work.enqueue(TeamsActivityWork.KIND, "activity:" + lastId, last);
        awaitPosts("a:chat-" + sam, 9);
        Thread.sleep(2500);
        assertThat(CONNECTOR.postedTo("a:chat-" + sam)).hasSize(9);
    }

    private void awaitPosts(String conversation, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (CONNECTOR.postedTo(conversation).size() < count) {
            assertThat(System.nanoTime())
                    .as("%d posts to %s in time", count, conversation)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private int post(String body) throws IOException, InterruptedException {
        return http.send(
                        request(body, "Bearer " + TOKENS.valid("test-app-id", CONNECTOR.url())),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private HttpRequest request(String body, String authorization) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static FakeBotConnector start() {
        try {
            return new FakeBotConnector();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
