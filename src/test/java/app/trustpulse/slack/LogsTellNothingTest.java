package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Application;
import app.trustpulse.support.TestDatabases;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A week in Slack in which deliveries fail (in-place updates, replies, the digest), with everything the service
 * logs captured: no log line carries a score, an action value, a comment, feedback or a typed reply, nor the id
 * of a person who answered.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LogsTellNothingTest {

    static final String SECRET = "logs-signing-secret";
    static final String TEAM = "T0LOGS";
    static final String FEEDBACK = "Quietly-unique feedback words";
    static final FakeSlack SLACK = start();

    static FakeSlack start() {
        try {
            return new FakeSlack().token("xoxb-logs", TEAM)
                    .user("UADMIN", "Ada", "Europe/Amsterdam", true)
                    .user("ULEAD", "Lea", "Europe/Amsterdam", false)
                    .user("UQM1", "Mia", "Europe/Amsterdam", false)
                    .user("UQM2", "Max", "Europe/Amsterdam", false)
                    .user("UQM3", "Mo", "Europe/Amsterdam", false)
                    .channel("C0LOGS", "ULEAD", "UQM1", "UQM2", "UQM3");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("slack.bot-token", () -> "xoxb-logs");
        r.add("slack.signing-secret", () -> SECRET);
        r.add("slack.api-url", SLACK::apiUrl);
        r.add("slack.first-retry-delay", () -> "5ms");
        r.add("pulse.pseudonym-secret", () -> TestDatabases.PSEUDONYM_KEY);
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:slack-logs;DB_CLOSE_DELAY=-1" + TestDatabases.H2_FLAGS);
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    final AtomicInteger hooks = new AtomicInteger();

    @Test
    void aWeekWithFailingDeliveriesLogsNothingAPersonSaid(CapturedOutput output) throws Exception {
        SlackClientSim slack = new SlackClientSim(port, SECRET, TEAM);
        command(slack, "UADMIN", "C0LOGS", "setup <#C0LOGS|logs> <@ULEAD|lea>");
        command(slack, "UADMIN", "C0LOGS", "send-now");

        // Mia's clicks are recorded, but every update of her check-in in place fails
        SLACK.fail("chat.update", 50);
        FakeSlack.Posted mia = checkIn("UQM1");
        JsonArray blocks = JsonParser.parseString(mia.params().get("blocks")).getAsJsonArray();
        for (JsonObject button : SlackWeekTest.scaleButtons(blocks, 2)) {
            slack.postForm(slack.blockAction("UQM1", mia.channel(), mia.ts(), button.get("action_id").getAsString(),
                    button.get("value").getAsString(), SLACK.hookUrl("click-" + hooks.incrementAndGet()), blocks));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.calls("chat.update").size() >= 2);

        // Max types his scores; the reply to him fails
        SLACK.fail("chat.postMessage", 50);
        slack.postJson(slack.event("Ev0LOGS1", SlackClientSim.imMessage("UQM2", "DUQM2", "3 5 1 4 2 5")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.calls("chat.postMessage").stream()
                .anyMatch(c -> "DUQM2".equals(c.param("channel"))));
        SLACK.fail("chat.postMessage", 0);

        // Mo gives feedback: the confirmation's "send" button carries the text
        String confirm = "cmd-" + hooks.incrementAndGet();
        slack.postForm(slack.slashCommand("UQM3", "C0LOGS", "feedback " + FEEDBACK, SLACK.hookUrl(confirm)));
        JsonObject send = sendButton(SLACK.awaitHook("/" + confirm).body().getAsJsonArray("blocks"));
        slack.postForm(slack.blockAction("UQM3", "C0LOGS", "1700000000.000900", send.get("action_id").getAsString(),
                send.get("value").getAsString(), SLACK.hookUrl("fb-" + hooks.incrementAndGet()), new JsonArray()));
        slack.postJson(slack.event("Ev0LOGS2", SlackClientSim.imMessage("UQM3", "DUQM3", "safety 1")));

        // the week closes while every post fails: the pulse and the digest are not delivered
        SLACK.fail("chat.postMessage", 50);
        command(slack, "UADMIN", "C0LOGS", "close-week");
        SLACK.fail("chat.postMessage", 0);

        String logs = output.getAll();
        assertThat(logs).as("failures were logged, so the logs were looked at").containsIgnoringCase("failed");
        assertThat(logs).doesNotContain(FEEDBACK).doesNotContain("Quietly").doesNotContain("3 5 1 4 2 5")
                .doesNotContain("safety 1")
                .doesNotContainPattern("answer:\\d+:")
                .doesNotContainPattern("[A-Z]+:[1-5]\\b")
                .doesNotContain("feedback:");
        for (String person : List.of("UQM1", "UQM2", "UQM3")) {
            assertThat(logs).as("the id of %s", person).doesNotContain(person);
        }
    }

    private String command(SlackClientSim slack, String user, String channel, String text) throws Exception {
        String hook = "cmd-" + hooks.incrementAndGet();
        assertThat(slack.postForm(slack.slashCommand(user, channel, text, SLACK.hookUrl(hook))).statusCode()).isEqualTo(200);
        return SLACK.awaitHook("/" + hook).body().get("text").getAsString();
    }

    private static FakeSlack.Posted checkIn(String user) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.posted("D" + user).stream()
                .filter(p -> p.params().get("blocks") != null && p.params().get("blocks").contains(BlockKit.SCALE))
                .findFirst(), Optional::isPresent).get();
    }

    private static JsonObject sendButton(JsonArray blocks) {
        for (JsonElement b : blocks) {
            JsonObject block = b.getAsJsonObject();
            if ("actions".equals(block.get("type").getAsString())) {
                for (JsonElement e : block.getAsJsonArray("elements")) {
                    if (e.getAsJsonObject().get("value").getAsString().startsWith("feedback:")) {
                        return e.getAsJsonObject();
                    }
                }
            }
        }
        throw new AssertionError("no send button in " + blocks);
    }
}
