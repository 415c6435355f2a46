package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.support.JsonMutations;
import app.trustpulse.support.JsonMutations.Mutant;
import app.trustpulse.support.QueuedWork;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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
 * Signed Slack requests with fields of every wrong kind, over HTTP against the running adapter: each field of a
 * direct message, a member joining and leaving, the Home tab, a slash command, a button click, a modal's submission
 * and Slack's URL check, replaced by an object, an array, null, a number, a boolean, a string with a NUL, a 100 kB
 * string, an empty string, or left out; then seeded payloads with several fields changed, and bodies that are no
 * payload at all. None may get a 5xx or write an error, a stack trace or any of what it carried to the log; each
 * refusal is one warning.
 */
@SpringBootTest(
        classes = SlackAdapterTest.AdapterOnly.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SlackMalformedPayloadsTest {

    static final String TEAM = SlackAdapterTest.TEAM;
    static final FakeSlack SLACK = SlackAdapterTest.start();
    static final long SEED = 17;
    static final String FORM = "application/x-www-form-urlencoded";

    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\S+\\s+ERROR ");
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");
    private static final Pattern REFUSAL = Pattern.compile("(?m)^\\S+\\s+WARN .*Slack request refused \\(400\\)");

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry r) {
        SlackTestSettings.properties(
                r,
                "slack-malformed",
                SLACK,
                Map.of("bot-token", "xoxb-single", "signing-secret", SlackAdapterTest.SECRET));
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @MockitoBean
    ChatInbox inbox;

    private SlackClientSim slack;
    private final AtomicLong eventIds = new AtomicLong();

    @BeforeEach
    void setUp() {
        slack = new SlackClientSim(port, SlackAdapterTest.SECRET, TEAM);
        // The core answers everything, so whatever the adapter accepts runs all the way back to the fake Slack.
        when(inbox.command(any())).thenReturn(ChatMessage.text("ok"));
        when(inbox.commandAgain(any())).thenReturn(ChatMessage.text("ok"));
        when(inbox.directMessage(any(), anyString())).thenReturn(ChatMessage.text("ok"));
        when(inbox.interaction(any())).thenReturn(Optional.empty());
        when(inbox.home(any())).thenReturn(new ChatMessage("home", List.of(new Block.Text("home"))));
    }

    @Test
    void noPayloadWithAFieldOfTheWrongKindGetsA5xxOrLeavesAnErrorOrItsContentInTheLog(CapturedOutput output)
            throws Exception {
        Map<String, String> originals = new LinkedHashMap<>();
        // Four at a time, as Slack and the Bot Connector send them: side by side.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Sent>> sending = new ArrayList<>();

        // The envelope is the same for every event: all of the first is changed, of the others their event.
        Map<String, JsonObject> events = new LinkedHashMap<>();
        events.put("direct message", SlackClientSim.imMessage("UMEM", "D0MEM", "freedom 4"));
        events.put("member joined", SlackClientSim.memberJoined("UBOB", "C0TEAM"));
        events.put("member left", SlackClientSim.memberLeft("UMEM", "C0TEAM"));
        events.put("home opened", SlackClientSim.homeOpened("UMEM"));
        String under = "";
        for (Map.Entry<String, JsonObject> event : events.entrySet()) {
            String json = slack.event("Ev0ORIGINAL", event.getValue());
            originals.put(event.getKey(), json);
            for (Mutant m : mutants(json, under)) {
                sending.add(pool.submit(() -> send(event.getKey(), m, this::freshEventId, "application/json")));
            }
            under = "/event";
        }

        Map<String, String> command =
                formFields(slack.slashCommand("UADMIN", "C0TEAM", "status", SLACK.hookUrl("fuzz")));
        originals.put("slash command", JsonMutations.form(command));
        for (Mutant m : JsonMutations.everyFormField(command)) {
            sending.add(pool.submit(() -> send("slash command", m, Function.identity(), FORM)));
        }

        JsonArray blocks = JsonParser.parseString("[{\"type\":\"section\",\"block_id\":\"s1\",\"text\":"
                        + "{\"type\":\"mrkdwn\",\"text\":\"I have room to decide\"}}]")
                .getAsJsonArray();
        Map<String, String> interactions = Map.of(
                "block action",
                        slack.blockAction(
                                "UMEM",
                                "D0MEM",
                                "1700000000.000200",
                                "tp:btn:0:0",
                                "dismiss",
                                SLACK.hookUrl("fuzz-click"),
                                blocks),
                "view submission",
                        slack.viewSubmission(
                                "UMEM",
                                "V0MODAL",
                                "1700000000.abc",
                                "{\"action\":\"comment:7:FREEDOM\",\"channel\":\"D0MEM\",\"ts\":\"1700000000.000300\"}",
                                "More time"));
        for (Map.Entry<String, String> interaction : interactions.entrySet()) {
            String json = java.net.URLDecoder.decode(
                    interaction.getValue().substring("payload=".length()), java.nio.charset.StandardCharsets.UTF_8);
            originals.put(interaction.getKey(), interaction.getValue());
            for (Mutant m : mutants(json)) {
                sending.add(pool.submit(() -> send(interaction.getKey(), asForm(m), Function.identity(), FORM)));
            }
        }

        String check = "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                + "\"type\":\"url_verification\"}";
        originals.put("url verification", check);
        for (Mutant m : mutants(check)) {
            sending.add(pool.submit(() -> send("url verification", m, Function.identity(), "application/json")));
        }
        for (Mutant m : JsonMutations.notPayloads()) {
            sending.add(pool.submit(() -> send("no payload", m, Function.identity(), "application/json")));
            sending.add(pool.submit(() -> send("no payload as a form", asForm(m), Function.identity(), FORM)));
        }
        List<Sent> sent = new ArrayList<>();
        for (Future<Sent> s : sending) {
            sent.add(s.get());
        }
        pool.shutdown();
        QueuedWork.awaitDone(jdbc, Duration.ofSeconds(60));

        for (Map.Entry<String, String> original : originals.entrySet()) {
            String body = freshEventId(original.getValue());
            assertThat(slack.post(body, body.startsWith("{") ? "application/json" : FORM)
                            .statusCode())
                    .as("the unchanged %s is accepted", original.getKey())
                    .isEqualTo(200);
        }
        QueuedWork.awaitDone(jdbc, Duration.ofSeconds(60));

        Map<Integer, Integer> statuses = new TreeMap<>();
        sent.forEach(s -> statuses.merge(s.status(), 1, Integer::sum));
        System.out.printf("Slack fuzz: %d signed requests, by status %s%n", sent.size(), statuses);
        assertThat(sent)
                .as("requests answered with a 5xx (of %s: %s)", sent.size(), statuses)
                .filteredOn(s -> s.status() >= 500)
                .isEmpty();
        assertThat(statuses.keySet()).as("statuses").isSubsetOf(200, 400);
        assertThat(statuses.get(200))
                .as("accepted: the fuzz reaches the listeners too")
                .isGreaterThan(50);
        String log = output.getAll();
        assertThat(ERROR_LINE.matcher(log).find())
                .as("an ERROR line in the log")
                .isFalse();
        assertThat(STACK_FRAME.matcher(log).find())
                .as("a stack trace in the log")
                .isFalse();
        assertThat(log).as("a mutated value in the log").doesNotContain(JsonMutations.MARKER);
        assertThat(REFUSAL.matcher(log).results().count())
                .as("one warning per refusal")
                .isEqualTo(statuses.getOrDefault(400, 0).longValue());
    }

    private record Sent(String what, String change, int status) {}

    private static Mutant asForm(Mutant payload) {
        return new Mutant(payload.description(), "payload=" + JsonMutations.enc(payload.payload()));
    }

    private List<Mutant> mutants(String json) {
        return mutants(json, "");
    }

    private List<Mutant> mutants(String json, String under) {
        List<Mutant> all = new ArrayList<>(JsonMutations.everyField(json, under));
        all.addAll(JsonMutations.severalFields(json, SEED, 20, 3));
        return all;
    }

    private Sent send(String what, Mutant m, Function<String, String> fresh, String contentType) throws Exception {
        HttpResponse<String> r = slack.post(fresh.apply(m.payload()), contentType);
        return new Sent(what, m.description(), r.statusCode());
    }

    /** Each event its own id (unless the id is what was changed), so none is taken for a redelivery of another. */
    private String freshEventId(String json) {
        return json.replace("\"Ev0ORIGINAL\"", "\"Ev0FUZZ" + eventIds.incrementAndGet() + "\"");
    }

    private static Map<String, String> formFields(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(
                    java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return fields;
    }
}
