package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.support.JsonMutations;
import app.trustpulse.support.JsonMutations.Mutant;
import app.trustpulse.support.QueuedWork;
import app.trustpulse.support.TestDatabases;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Teams activities with fields of every wrong kind, each with a valid token, over HTTP against the running adapter
 * and a fake Bot Connector: each field of a personal message, a channel command with a mention, a card submit, the
 * bot added to a team, a member joining and a personal install, replaced by an object, an array, null, a number, a
 * boolean, a string with a NUL, a 100 kB string, an empty string, or left out; then seeded activities with several
 * fields changed, and bodies that are no activity at all. None may get a 5xx, or write an error, a stack trace or
 * any of what it carried to the log, also not later, when the accepted ones are handled from the queue.
 */
@SpringBootTest(
        classes = TeamsAdapterTest.AdapterOnly.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "microsoft.app.id=test-app-id",
            "microsoft.app.password=not-used-in-tests",
            "pulse.pseudonym-secret=" + TestDatabases.PSEUDONYM_KEY,
            "teams.initial-backoff=1ms",
            "teams.max-backoff=5ms",
            "spring.datasource.url=jdbc:h2:mem:teams-malformed;DB_CLOSE_DELAY=-1" + TestDatabases.H2_FLAGS
        })
@ExtendWith(OutputCaptureExtension.class)
class TeamsMalformedActivitiesTest {

    static final FakeBotConnector CONNECTOR = start();
    static final TestTokens TOKENS = new TestTokens();
    static final TeamsPayloads PAYLOADS = new TeamsPayloads(CONNECTOR.url());
    static final long SEED = 17;

    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\S+\\s+ERROR ");
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) {
        registry.add("teams.openid-metadata-url", CONNECTOR::openIdUrl);
        registry.add("teams.graph-url", CONNECTOR::graphUrl);
    }

    @AfterAll
    static void stop() {
        CONNECTOR.close();
    }

    @MockitoBean
    ChatInbox inbox;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = "Bearer " + TOKENS.valid("test-app-id", CONNECTOR.url());

    @BeforeEach
    void setUp() {
        CONNECTOR.publishKey(TestTokens.KEY_ID, TOKENS.publishedKey());
        CONNECTOR.roster(TeamsPayloads.TEAM, 10, List.of(Map.of("id", "29:noor", "name", "Noor New")));
        // The core answers everything, so whatever the adapter accepts runs all the way back to the fake connector.
        when(inbox.command(any())).thenReturn(ChatMessage.text("ok"));
        when(inbox.commandAgain(any())).thenReturn(ChatMessage.text("ok"));
        when(inbox.directMessage(any(), any())).thenReturn(ChatMessage.text("ok"));
        when(inbox.interaction(any())).thenReturn(Optional.of(ChatMessage.text("ok")));
    }

    @Test
    void noActivityWithAFieldOfTheWrongKindGetsA5xxOrLeavesAnErrorOrItsContentInTheLog(CapturedOutput output)
            throws Exception {
        // What every activity shares is changed in the first; of the others, what is their own.
        Map<String, Activity> activities = new LinkedHashMap<>();
        activities.put(
                "personal message",
                new Activity(
                        PAYLOADS.personalMessage(TeamsPayloads.nextId(), "29:mia", "Mia Member", "freedom 4"), ""));
        activities.put(
                "channel command",
                new Activity(
                        PAYLOADS.channelMessage(
                                TeamsPayloads.nextId(),
                                "29:olga",
                                "Olga Owner",
                                "pulse status",
                                Map.of("29:lea", "Lea Leader")),
                        "/entities",
                        "/channelData",
                        "/text"));
        activities.put(
                "card submit",
                new Activity(
                        PAYLOADS.cardSubmit(
                                TeamsPayloads.nextId(),
                                "29:mia",
                                "Mia Member",
                                "a:chat-29:mia",
                                "msg-card",
                                Map.of(
                                        "tp_scale:answer:7:TRUST:",
                                        "4",
                                        "tp_input:comment:7:TRUST",
                                        "More time",
                                        "tp_action",
                                        "comment:7:TRUST")),
                        "/value",
                        "/replyToId",
                        "/channelData"));
        activities.put(
                "bot added to a team",
                new Activity(PAYLOADS.botAddedToTeam("29:olga"), "/membersAdded", "/channelData"));
        activities.put("member joined", new Activity(PAYLOADS.memberAdded("29:noor"), "/membersAdded"));
        activities.put(
                "personal install",
                new Activity(PAYLOADS.personalInstall("29:mia", "Mia Member"), "/action", "/conversation"));

        // Four at a time, as Slack and the Bot Connector send them: side by side.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Sent>> sending = new ArrayList<>();
        for (Map.Entry<String, Activity> a : activities.entrySet()) {
            for (String under : a.getValue().under()) {
                for (Mutant m : JsonMutations.everyField(a.getValue().json(), under)) {
                    sending.add(pool.submit(() -> post(a.getKey(), m)));
                }
            }
            for (Mutant m : JsonMutations.severalFields(a.getValue().json(), SEED, 20, 3)) {
                sending.add(pool.submit(() -> post(a.getKey(), m)));
            }
        }
        for (Mutant m : JsonMutations.notPayloads()) {
            sending.add(pool.submit(() -> post("no activity", m)));
        }
        List<Sent> sent = new ArrayList<>();
        for (Future<Sent> s : sending) {
            sent.add(s.get());
        }
        pool.shutdown();
        QueuedWork.awaitDone(jdbc, Duration.ofSeconds(60));

        for (Map.Entry<String, Activity> a : activities.entrySet()) {
            assertThat(post(a.getKey(), new Mutant("nothing", a.getValue().json()))
                            .status())
                    .as("the unchanged %s is accepted", a.getKey())
                    .isEqualTo(200);
        }
        QueuedWork.awaitDone(jdbc, Duration.ofSeconds(60));

        Map<Integer, Integer> statuses = new TreeMap<>();
        sent.forEach(s -> statuses.merge(s.status(), 1, Integer::sum));
        System.out.printf("Teams fuzz: %d activities with a valid token, by status %s%n", sent.size(), statuses);
        assertThat(sent)
                .as("requests answered with a 5xx (of %s: %s)", sent.size(), statuses)
                .filteredOn(s -> s.status() >= 500)
                .isEmpty();
        assertThat(statuses.keySet()).as("statuses").isSubsetOf(200, 400, 401);
        assertThat(statuses.get(200))
                .as("accepted: the fuzz reaches the handling too")
                .isGreaterThan(50);
        String log = output.getAll();
        assertThat(ERROR_LINE.matcher(log).find())
                .as("an ERROR line in the log")
                .isFalse();
        assertThat(STACK_FRAME.matcher(log).find())
                .as("a stack trace in the log")
                .isFalse();
        assertThat(log).as("a mutated value in the log").doesNotContain(JsonMutations.MARKER);
    }

    /** A representative activity, and the parts of it whose every field is changed. */
    private record Activity(String json, String... under) {}

    private record Sent(String what, String change, int status) {}

    private Sent post(String what, Mutant m) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", token)
                .POST(HttpRequest.BodyPublishers.ofString(freshId(m.payload())))
                .build();
        return new Sent(
                what,
                m.description(),
                http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    /** Each activity its own id (unless the id is what was changed), so none is taken for a resend of another. */
    private static String freshId(String json) {
        try {
            JsonNode activity = JSON.readTree(json);
            if (activity instanceof ObjectNode object
                    && activity.path("id").isTextual()
                    && activity.path("id").asText().matches("\\d+")) {
                object.put("id", TeamsPayloads.nextId());
                return object.toString();
            }
        } catch (JsonProcessingException e) {
            // not JSON: sent as it is
        }
        return json;
    }

    private static FakeBotConnector start() {
        try {
            return new FakeBotConnector();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
