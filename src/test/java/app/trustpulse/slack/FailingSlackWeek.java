package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Actions;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.support.TestDatabases;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A week in Slack in which deliveries fail (in-place updates, replies, the digest), driven over HTTP with signed
 * requests as Slack drives it: answers by button and typed in a DM, comments, feedback, {@code /pulse mydata}, a
 * close. What
 * people say here is unusual enough that any trace of it in a log is found by a plain search.
 */
final class FailingSlackWeek {

    static final String SECRET = "logs-signing-secret";
    static final String TEAM = "T0LOGS";
    /** As long as a real bot token: the Slack SDK logs the start of one at DEBUG. */
    static final String TOKEN = "xoxb-logs-1700000000-0123456789abcdef";

    static final String FEEDBACK = "Quietly-unique feedback words";
    static final String TYPED_SCORES = "3 5 1 4 2 5";
    static final String TYPED_PAIR = "safety 1";
    /** What Max, Mia and Mo comment on a statement they answered: three people, so the close releases them. */
    static final List<String> COMMENTS = List.of(
            "Gingerly-unique comment of Max", "Gingerly-unique comment of Mia", "Gingerly-unique comment of Mo");
    /** The members who answer, give feedback or ask for their data. */
    static final List<String> MEMBERS = List.of("UQM1", "UQM2", "UQM3");

    static final List<String> EVERYONE = List.of("UADMIN", "ULEAD", "UQM1", "UQM2", "UQM3");

    private final FakeSlack fake;
    private final SlackClientSim slack;
    private final AtomicInteger hooks = new AtomicInteger();

    FailingSlackWeek(FakeSlack fake, int port) {
        this.fake = fake;
        this.slack = new SlackClientSim(port, SECRET, TEAM);
    }

    static FakeSlack fakeSlack() {
        try {
            FakeSlack fake = new FakeSlack()
                    .token(TOKEN, TEAM)
                    .user("UADMIN", "Ada", "Europe/Amsterdam", true)
                    .user("ULEAD", "Lea", "Europe/Amsterdam", false)
                    .user("UQM1", "Mia", "Europe/Amsterdam", false)
                    .user("UQM2", "Max", "Europe/Amsterdam", false)
                    .user("UQM3", "Mo", "Europe/Amsterdam", false);
            return fake.channel("C0LOGS", "ULEAD", "UQM1", "UQM2", "UQM3");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The application against the fake, with an in-memory database of its own. */
    static void properties(DynamicPropertyRegistry r, FakeSlack fake, String database) {
        properties(r, fake, () -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1" + TestDatabases.H2_FLAGS);
    }

    /** The application against the fake, on the database at that JDBC URL. */
    static void properties(DynamicPropertyRegistry r, FakeSlack fake, java.util.function.Supplier<Object> databaseUrl) {
        r.add("slack.bot-token", () -> TOKEN);
        r.add("slack.signing-secret", () -> SECRET);
        r.add("slack.api-url", fake::apiUrl);
        r.add("slack.first-retry-delay", () -> "5ms");
        r.add("pulse.pseudonym-secret", () -> TestDatabases.PSEUDONYM_KEY);
        r.add("spring.datasource.url", databaseUrl);
    }

    /** The Slack DM channel of a person, as the fake assigns it. */
    static String dm(String user) {
        return "D" + user;
    }

    void run() throws Exception {
        untilClose();
        close();
    }

    /** Everything of the week before its close: answers, comments, feedback, {@code mydata}. */
    void untilClose() throws Exception {
        command("UADMIN", "setup <#C0LOGS|logs> <@ULEAD|lea>");
        command("UADMIN", "send-now");
        List.of("ULEAD", "UQM1", "UQM2", "UQM3").forEach(this::checkIn);

        // Max answers one statement by button: the update of his check-in fails once and goes through when tried again
        fake.fail("chat.update", 1);
        click("UQM2", 4, 1);
        assertThat(awaitCalls("chat.update", dm("UQM2"), 2).get(1).param("blocks"))
                .as("the update says what was recorded")
                .contains("Recorded");

        comment("UQM2", COMMENTS.get(0));

        // Mia's clicks are recorded, but every update of her check-in in place fails
        fake.fail("chat.update", 50);
        click("UQM1", 2, Integer.MAX_VALUE);
        awaitCalls("chat.update", dm("UQM1"), 2);
        comment("UQM1", COMMENTS.get(1));
        click("UQM3", 5, 1);
        awaitCalls("chat.update", dm("UQM3"), 1);
        comment("UQM3", COMMENTS.get(2));

        // Max types his scores; the first reply to him fails, the second goes through
        fake.fail("chat.postMessage", 1);
        int before = fake.calls("chat.postMessage").size();
        slack.postJson(slack.event("Ev0LOGS1", SlackClientSim.imMessage("UQM2", dm("UQM2"), TYPED_SCORES)));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> fake.calls("chat.postMessage").size() >= before + 2);

        // Mo gives feedback: the confirmation's "send" button carries the text
        String confirm = "cmd-" + hooks.incrementAndGet();
        slack.postForm(slack.slashCommand("UQM3", "C0LOGS", "feedback " + FEEDBACK, fake.hookUrl(confirm)));
        JsonObject send = sendButton(fake.awaitHook("/" + confirm).body().getAsJsonArray("blocks"));
        String sent = "fb-" + hooks.incrementAndGet();
        slack.postForm(slack.blockAction(
                "UQM3",
                "C0LOGS",
                "1700000000.000900",
                send.get("action_id").getAsString(),
                send.get("value").getAsString(),
                fake.hookUrl(sent),
                new JsonArray()));
        fake.awaitHook("/" + sent);
        int toMo = fake.postedCount(dm("UQM3"));
        slack.postJson(slack.event("Ev0LOGS2", SlackClientSim.imMessage("UQM3", dm("UQM3"), TYPED_PAIR)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> fake.postedCount(dm("UQM3")) > toMo);

        // Mo asks what is kept about him: the answer quotes his feedback and his comment back to him
        assertThat(command("UQM3", "mydata"))
                .as("mydata, sent to Slack")
                .contains(FEEDBACK)
                .contains(COMMENTS.get(2));
    }

    /** The week closes while every post fails: the pulse and the digest are not delivered. */
    void close() throws Exception {
        fake.fail("chat.postMessage", 50);
        command("UADMIN", "close-week");
    }

    /** Waits until the method was called at least {@code count} times for the channel, and returns those calls. */
    private List<FakeSlack.Call> awaitCalls(String method, String channel, int count) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> fake.calls(method).stream()
                                .filter(c -> channel.equals(c.param("channel")))
                                .toList(),
                        calls -> calls.size() >= count);
    }

    /** Clicks the given score on the first {@code statements} statements of the person's check-in. */
    private void click(String user, int score, int statements) throws Exception {
        FakeSlack.Posted checkIn = checkIn(user);
        JsonArray blocks =
                JsonParser.parseString(checkIn.params().get("blocks")).getAsJsonArray();
        for (JsonObject button : SlackWeekTest.scaleButtons(blocks, score).stream()
                .limit(statements)
                .toList()) {
            slack.postForm(slack.blockAction(
                    user,
                    checkIn.channel(),
                    checkIn.ts(),
                    button.get("action_id").getAsString(),
                    button.get("value").getAsString(),
                    fake.hookUrl("click-" + hooks.incrementAndGet()),
                    blocks));
        }
    }

    /**
     * Comments on the first statement the person answered, through the modal its comment button opens; the button is
     * the one the bot shows under an answered statement (built here, as the updates of Mia's and Mo's check-ins fail).
     */
    private void comment(String user, String text) throws Exception {
        FakeSlack.Posted checkIn = checkIn(user);
        JsonArray blocks =
                JsonParser.parseString(checkIn.params().get("blocks")).getAsJsonArray();
        // a scale button's value is "answer:<check-in>:<DIMENSION>:<score>"
        String[] answer = SlackWeekTest.scaleButtons(blocks, 1)
                .get(0)
                .get("value")
                .getAsString()
                .split(":");
        String action = Actions.comment(Long.parseLong(answer[1]), Dimension.valueOf(answer[2]));
        String ask = new Gson().toJson(new BlockKit.Ask(action, "Comment", "What would help?", "Send", 500));
        int opened = fake.calls("views.open").size();
        int confirmed = fake.calls("chat.postEphemeral").size();
        slack.postForm(slack.blockAction(
                user,
                checkIn.channel(),
                checkIn.ts(),
                BlockKit.ASK + "9:0",
                ask,
                fake.hookUrl("ask-" + hooks.incrementAndGet()),
                blocks));
        JsonObject view = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> fake.calls("views.open"), calls -> calls.size() > opened)
                .get(opened)
                .json("view");
        slack.postForm(slack.viewSubmission(
                user,
                "V0" + user,
                "1700000000.h" + hooks.incrementAndGet(),
                view.get("private_metadata").getAsString(),
                text));
        assertThat(Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> fake.calls("chat.postEphemeral"), calls -> calls.size() > confirmed)
                        .get(confirmed)
                        .param("text"))
                .startsWith("Comment saved.");
    }

    /** Nothing anyone said in the week, and no id of a person who said something, is in the logs. */
    static void assertTellsNothing(String logs) {
        assertThat(logs).as("failures were logged, so the logs were looked at").containsIgnoringCase("failed");
        assertThat(logs)
                .doesNotContain(FEEDBACK)
                .doesNotContain("Quietly")
                .doesNotContain(TYPED_SCORES)
                .doesNotContain(TYPED_PAIR)
                .doesNotContain("Gingerly")
                .doesNotContainPattern("answer:\\d+:")
                .doesNotContainPattern("[A-Z]+:[1-5]\\b")
                .doesNotContain("feedback:");
        for (String person : MEMBERS) {
            assertThat(logs).as("the id of %s", person).doesNotContain(person);
        }
    }

    /** Runs the command from the channel and returns what Slack got at the command's response URL. */
    private String command(String user, String text) throws Exception {
        String hook = "cmd-" + hooks.incrementAndGet();
        assertThat(slack.postForm(slack.slashCommand(user, "C0LOGS", text, fake.hookUrl(hook)))
                        .statusCode())
                .isEqualTo(200);
        return fake.awaitHook("/" + hook).body().toString();
    }

    private FakeSlack.Posted checkIn(String user) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> fake.posted(dm(user)).stream()
                                .filter(p -> p.params().get("blocks") != null
                                        && p.params().get("blocks").contains(BlockKit.SCALE))
                                .findFirst(),
                        Optional::isPresent)
                .get();
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
