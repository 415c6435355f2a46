package app.trustpulse.playground;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.support.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anonymous feedback becomes a conversation, through the playground as its page drives it: three members give feedback,
 * the week closes and releases it, the leader answers one from the digest, the channel shows the answer under the
 * quoted feedback, the writer gets it in a DM and answers anonymously, the leader sees that and closes the thread, and
 * the link to the writer is gone from the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedbackConversationEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper mapper = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = "jdbc:h2:mem:feedback-thread-" + UUID.randomUUID() + TestDatabases.H2_FLAGS + ";DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
    }

    @Test
    void aLeaderAnswersReleasedFeedbackInTheChannelAndTheWriterAnswersBackAnonymously() throws Exception {
        post("/demo", object().put("language", "en"));
        give("mia", "Mornings without meetings would help me focus.");
        give("noah", "The retro felt rushed.");
        give("sara", "Thanks for the clear goals this quarter.");
        say("ada", "channel", "/pulse close-week");

        // The digest carries the feedback and the way into answering it.
        JsonNode state = awaitState(
                s -> button(s, "dm:lee", a -> a.startsWith("fblist:")).isPresent());
        Click list = button(state, "dm:lee", a -> a.startsWith("fblist:")).orElseThrow();
        state = click("lee", list, null);
        Click answer = button(state, "dm:lee", a -> a.startsWith("fbanswer:"), "Mornings without meetings")
                .orElseThrow(() -> new AssertionError("no answer button beside the feedback"));

        state = click("lee", answer, "Good idea. From next week, no meetings before 11:00.");

        JsonNode quote = channel(state).stream()
                .filter(m -> text(m).contains("Anonymous feedback, released to the leaders"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no quoted feedback in the channel"));
        assertThat(quote.get("ephemeralFor").isNull()).isTrue();
        assertThat(text(quote)).contains("Mornings without meetings would help me focus.");
        List<JsonNode> thread = replies(state, quote);
        assertThat(thread)
                .singleElement()
                .satisfies(r -> assertThat(text(r))
                        .contains("*Lee (leader):* Good idea. From next week, no meetings before 11:00."));
        assertThat(linkRows()).isEqualTo(1);

        // Only the writer got it, with a way to answer.
        Click reply = button(state, "dm:mia", a -> a.startsWith("fbwriter:"))
                .orElseThrow(() -> new AssertionError("the writer got no answer in their DM"));
        for (String other : List.of("noah", "sara", "tom")) {
            assertThat(button(state, "dm:" + other, a -> a.startsWith("fbwriter:")))
                    .as(other)
                    .isEmpty();
        }

        state = click("mia", reply, "Thank you! Lee, Tom and I will try it.");
        thread = replies(state, quote);
        assertThat(thread).hasSize(2);
        assertThat(text(thread.get(1)))
                .contains("*The writer:* Thank you! …, … and I will try it.")
                .doesNotContain("Mia");
        assertThat(dm(state, "lee").stream().map(FeedbackConversationEndToEndTest::text))
                .anyMatch(t -> t.contains("The writer answered") && !t.contains("Mia"));

        Click close = button(state, "dm:lee", a -> a.startsWith("fbclose:")).orElseThrow();
        state = click("lee", close, null);

        assertThat(text(replies(state, quote).get(2))).startsWith("Lee (leader) closed this conversation.");
        assertThat(dm(state, "mia").stream().map(FeedbackConversationEndToEndTest::text))
                .anyMatch(t -> t.contains("is closed, and the link between it and you is destroyed"));
        assertThat(linkRows()).isZero();
        assertThat(jdbc.sql("SELECT closed FROM feedback_thread")
                        .query(Boolean.class)
                        .list())
                .containsExactly(true);

        state = click("mia", reply, "One more thing");
        assertThat(replies(state, quote)).hasSize(3);
        assertThat(text(last(dm(state, "mia")))).contains("This conversation has closed");
    }

    private record Click(long messageId, String action) {}

    private void give(String who, String text) throws Exception {
        JsonNode state = say(who, "dm", "/pulse feedback " + text);
        Click send = button(state, "dm:" + who, a -> a.startsWith("feedback:")).orElseThrow();
        click(who, send, null);
    }

    private int linkRows() {
        return jdbc.sql("SELECT COUNT(*) FROM feedback_thread_writer")
                .query(Integer.class)
                .single();
    }

    /**
     * The latest button in a conversation whose action matches, in a row of buttons that follows a text saying
     * {@code containing} (the feedback it acts on).
     */
    private static Optional<Click> button(
            JsonNode state, String conversation, Predicate<String> action, String... containing) {
        Optional<Click> found = Optional.empty();
        for (JsonNode m : conversation(state, conversation).get("messages").values()) {
            String textAbove = "";
            for (JsonNode block : m.get("content").get("blocks").values()) {
                if ("Text".equals(block.get("type").asString())) {
                    textAbove = block.get("text").asString();
                }
                if (!"Buttons".equals(block.get("type").asString())) {
                    continue;
                }
                for (JsonNode b : block.get("buttons").values()) {
                    String a = b.get("action").asString();
                    if (action.test(a) && (containing.length == 0 || textAbove.contains(containing[0]))) {
                        found = Optional.of(new Click(m.get("id").longValue(), a));
                    }
                }
            }
        }
        return found;
    }

    private static List<JsonNode> channel(JsonNode state) {
        return conversation(state, "channel:team").get("messages").values().stream()
                .toList();
    }

    private static List<JsonNode> replies(JsonNode state, JsonNode parent) {
        long id = parent.get("id").longValue();
        return channel(state).stream()
                .filter(m -> m.get("content").path("replyTo").asLong(-1) == id)
                .toList();
    }

    private static List<JsonNode> dm(JsonNode state, String who) {
        return conversation(state, "dm:" + who).get("messages").values().stream()
                .toList();
    }

    private static JsonNode last(List<JsonNode> messages) {
        assertThat(messages).isNotEmpty();
        return messages.get(messages.size() - 1);
    }

    private static JsonNode conversation(JsonNode state, String id) {
        return state.get("conversations").values().stream()
                .filter(c -> id.equals(c.get("id").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no conversation " + id));
    }

    private static String text(JsonNode message) {
        StringBuilder out = new StringBuilder();
        for (JsonNode b : message.get("content").get("blocks").values()) {
            if (b.has("text") && !b.get("text").isNull()) {
                out.append(b.get("text").asString()).append('\n');
            }
        }
        return out.toString();
    }

    private JsonNode awaitState(Predicate<JsonNode> ready) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode state = get("/state");
            if (ready.test(state)) {
                return state;
            }
            assertThat(System.nanoTime())
                    .as("waiting for the digest: %s", state)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private JsonNode say(String as, String where, String text) throws Exception {
        return post("/say", object().put("as", as).put("where", where).put("text", text));
    }

    private JsonNode click(String as, Click click, String input) throws Exception {
        ObjectNode body =
                object().put("as", as).put("messageId", click.messageId()).put("action", click.action());
        if (input != null) {
            body.put("input", input);
        }
        return post("/action", body);
    }

    private ObjectNode object() {
        return mapper.createObjectNode();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    private JsonNode post(String path, ObjectNode body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                .build());
    }

    private String base() {
        return "http://127.0.0.1:" + port + "/playground/api";
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", request.method(), request.uri(), response.body())
                .isEqualTo(200);
        return mapper.readTree(response.body());
    }
}
