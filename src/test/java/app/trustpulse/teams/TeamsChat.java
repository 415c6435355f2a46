package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * People typing to the bot in their 1:1 chat in Teams, for tests elsewhere that run the whole application with
 * Teams switched on beside another platform: signed activities posted to /api/messages, answered through a fake
 * Bot Connector on loopback.
 */
public final class TeamsChat implements AutoCloseable {

    /** What a test importing this needs too: credentials that never ask Microsoft for a token. */
    @TestConfiguration(proxyBeanMethods = false)
    @Import(OfflineCredentials.class)
    public static class Credentials {}

    private static final String APP_ID = "test-app-id";

    private final FakeBotConnector connector;
    private final TestTokens tokens = new TestTokens();
    private final TeamsPayloads payloads;
    private final HttpClient http = HttpClient.newHttpClient();

    public TeamsChat() {
        try {
            connector = new FakeBotConnector();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        connector.publishKey(TestTokens.KEY_ID, tokens.publishedKey());
        payloads = new TeamsPayloads(connector.url());
    }

    /** Teams on, against the fake connector. */
    public void properties(DynamicPropertyRegistry r) {
        r.add("microsoft.app.id", () -> APP_ID);
        r.add("microsoft.app.password", () -> "not-used-in-tests");
        r.add("teams.openid-metadata-url", connector::openIdUrl);
        r.add("teams.graph-url", connector::graphUrl);
        // a refused post is tried again at once, not after seconds
        r.add("teams.initial-backoff", () -> "1ms");
        r.add("teams.max-backoff", () -> "5ms");
    }

    /** The id of the person's 1:1 chat with the bot, as the fake connector gives it. */
    public static String chat(String userId) {
        return "a:chat-" + userId;
    }

    /** The next posts of the bot are refused with this status, one each. */
    public void failNext(int count, int status) {
        connector.failNext(count, status);
    }

    /** The person types the text in their 1:1 chat; returns the bodies of what the bot then posted there. */
    public List<String> say(int port, String userId, String text) throws IOException, InterruptedException {
        int before = connector.postedTo(chat(userId)).size();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + tokens.valid(APP_ID, connector.url()))
                .POST(HttpRequest.BodyPublishers.ofString(
                        payloads.personalMessage(TeamsPayloads.nextId(), userId, "Quinn", text)))
                .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> connector.postedTo(chat(userId)).stream()
                                .skip(before)
                                .map(c -> c.body().toString())
                                .toList(),
                        posts -> !posts.isEmpty());
    }

    @Override
    public void close() {
        connector.close();
    }
}
