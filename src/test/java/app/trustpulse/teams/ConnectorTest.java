package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.support.HoldingHttpServer;
import com.microsoft.bot.schema.Activity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every tenant of a region posts through one service URL: a client sends as many requests to that one host at once
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
        List<CompletableFuture<?>> posts = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Activity message = Activity.createMessageActivity();
            message.setText("How was your week?");
            posts.add(connector.at(server.url()).getConversations().sendToConversation("a:conv" + i, message));
        }
        server.awaitHeld(requests);
        server.release();
        for (CompletableFuture<?> post : posts) {
            post.get(10, TimeUnit.SECONDS);
        }
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
