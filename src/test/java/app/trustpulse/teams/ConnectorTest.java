package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.support.HoldingHttpServer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Messages go out as the SDK's own calls would send them, on the caller's thread. Every tenant of a region posts
 * through one service URL: a client sends as many requests to that one host at once
 * as it was given, not OkHttp's 5, so the rounds of many tenants do not queue behind each other's; and it keeps as
 * many connections open between rounds, so the next round does not open them again.
 */
class ConnectorTest {

    private HoldingHttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new HoldingHttpServer("{\"id\":\"1\"}");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClientSendsAsManyRequestsToOneHostAtOnceAsItWasGiven() throws Exception {
        Connector connector = new Connector(new TestBotCredentials("test-app-id"), 24);

        sendAtOnce(connector, 24);

        assertThat(server.mostAtOnce()).isEqualTo(24);
    }

    @Test
    void theNextRoundGoesOverTheConnectionsTheLastOneOpened() throws Exception {
        Connector connector = new Connector(new TestBotCredentials("test-app-id"), 24);

        sendAtOnce(connector, 24);
        sendAtOnce(connector, 24);

        assertThat(server.connections()).isEqualTo(24);
    }

    private void sendAtOnce(Connector connector, int requests) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(requests);
        try {
            List<Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Activity message = Activity.createMessageActivity();
                message.setText("How was your week?");
                String conversation = "a:conv" + i;
                posts.add(senders.submit(() -> connector
                        .send(server.url(), conversation, null, message)
                        .join()));
            }
            server.awaitHeld(requests);
            server.release();
            for (Future<?> post : posts) {
                post.get(10, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void postsRepliesAndUpdatesGoOutAsTheSdksOwnCallsSendThem() throws Exception {
        Connector connector = new Connector(new TestBotCredentials("test-app-id"), 4);
        try (FakeBotConnector teams = new FakeBotConnector()) {
            for (String conversation : List.of("a:1Xy_z-9Q", "19:abc@thread.tacv2;messageid=1712345")) {
                Activity message = checkInCard();
                connector.send(teams.url(), conversation, null, message).join();
                connector.send(teams.url(), conversation, "1712345", message).join();
                connector.update(teams.url(), conversation, "msg-1", message).join();
                var sdk = connector.at(teams.url()).getConversations();
                sdk.sendToConversation(conversation, message).join();
                sdk.replyToActivity(conversation, "1712345", message).join();
                sdk.updateActivity(conversation, "msg-1", message).join();
            }

            List<FakeBotConnector.Call> calls = teams.calls();
            assertThat(calls).hasSize(12);
            for (int i = 0; i < 12; i += 6) {
                for (int j = 0; j < 3; j++) {
                    FakeBotConnector.Call ours = calls.get(i + j);
                    FakeBotConnector.Call sdks = calls.get(i + j + 3);
                    assertThat(ours.method()).isEqualTo(sdks.method());
                    assertThat(ours.path()).isEqualTo(sdks.path());
                    assertThat(ours.authorization()).startsWith("Bearer ").isEqualTo(sdks.authorization());
                    assertThat(ours.body()).isEqualTo(sdks.body());
                }
            }
            assertThat(calls.get(0)
                            .body()
                            .path("attachments")
                            .path(0)
                            .path("content")
                            .path("type")
                            .asText())
                    .isEqualTo("AdaptiveCard");
        }
    }

    @Test
    void anAnswerThatIsNoSuccessFailsWithItsStatusAndHeadersAsTheSdksCallWould() throws Exception {
        Connector connector = new Connector(new TestBotCredentials("test-app-id"), 4);
        try (FakeBotConnector teams = new FakeBotConnector()) {
            teams.retryAfter("7");
            teams.failNext(1, 429);

            assertThatThrownBy(() -> connector
                            .send(teams.url(), "a:chat", null, checkInCard())
                            .join())
                    .hasCauseInstanceOf(ErrorResponseException.class)
                    .cause()
                    .satisfies(e -> {
                        ErrorResponseException error = (ErrorResponseException) e;
                        assertThat(error.response().code()).isEqualTo(429);
                        assertThat(error.response().headers().get("Retry-After"))
                                .isEqualTo("7");
                    });
            assertThat(connector
                            .send(teams.url(), "a:chat", null, checkInCard())
                            .join()
                            .getId())
                    .startsWith("msg-");
        }
    }

    private static Activity checkInCard() {
        Activity message = Activity.createMessageActivity();
        message.setSummary("How was your week?");
        Attachment card = new Attachment();
        card.setContentType(CardRenderer.CONTENT_TYPE);
        // A tree, as CardRenderer gives it
        JsonNodeFactory json = JsonNodeFactory.instance;
        card.setContent(json.objectNode()
                .put("type", "AdaptiveCard")
                .put("version", "1.5")
                .set(
                        "body",
                        json.arrayNode()
                                .add(json.objectNode().put("type", "TextBlock").put("text", "Hello"))));
        message.setAttachments(List.of(card));
        return message;
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
