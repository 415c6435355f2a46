package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Application;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.support.RefusingWork;
import app.trustpulse.support.TestDatabases;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with the real engine, driven by signed Slack requests, against a fake Slack Web API:
 * a team runs its week entirely in Slack.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackWeekTest {

    static final String SECRET = "week-signing-secret";
    static final String TEAM = "T0WEEK";
    static final FakeSlack SLACK = start();

    static FakeSlack start() {
        try {
            return new FakeSlack()
                    .token("xoxb-week", TEAM)
                    .user("UADMIN", "Ada", "Europe/Amsterdam", true)
                    .user("ULEAD", "Lea", "Europe/Amsterdam", false)
                    .user("UM1", "Mia", "Europe/Amsterdam", false)
                    .user("UM2", "Max", "Europe/London", false)
                    .user("UM3", "Mo", "America/New_York", false)
                    .user("UNEW", "Nina", "Asia/Tokyo", false)
                    .user("UBOTX", "Helper", "Europe/Amsterdam", false, true, false)
                    .channel("C0TEAM", "ULEAD", "UM1", "UM2", "UM3", "UBOTX", "USLACKBOT")
                    .user("US1", "Sam", "Europe/Amsterdam", false)
                    .user("US2", "Sid", "Europe/Amsterdam", false)
                    .user("US3", "Sol", "Europe/Amsterdam", false)
                    .channel("C0SYNC", "ULEAD", "UM1", "UM2")
                    .channel("C0STORM", "US1", "US2", "US3")
                    .channel("C0FEED", "ULEAD", "UM1", "UM2", "UM3")
                    .user("UCL", "Cleo", "Europe/Amsterdam", false)
                    .user("UC1", "Cas", "Europe/Amsterdam", false)
                    .user("UC2", "Cor", "Europe/Amsterdam", false)
                    .user("UC3", "Cim", "Europe/Amsterdam", false)
                    .channel("C0CHART", "UCL", "UC1", "UC2", "UC3");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("slack.bot-token", () -> "xoxb-week");
        r.add("slack.signing-secret", () -> SECRET);
        r.add("pulse.pseudonym-secret", () -> TestDatabases.PSEUDONYM_KEY);
        r.add("slack.api-url", SLACK::apiUrl);
        r.add("slack.first-retry-delay", () -> "20ms");
        r.add(
                "spring.datasource.url",
                () -> "jdbc:h2:mem:slack-week;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    TeamRepository teams;

    @Autowired
    MemberRepository members;

    @Autowired
    app.trustpulse.pulse.FeedbackRepository feedback;

    SlackClientSim slack;
    static final AtomicInteger hooks = new AtomicInteger();

    @BeforeEach
    void setUp() {
        slack = new SlackClientSim(port, SECRET, TEAM);
    }

    @Test
    void aTeamRunsItsWholeWeekInSlack() throws Exception {
        String setup = command("UADMIN", "C0TEAM", "setup <#C0TEAM|team-rocket> <@ULEAD|lea>");
        assertThat(setup).contains("Pulse team set up").contains("3 members and one leader");
        Team team = teams.findByChannel(Platform.SLACK, TEAM, "C0TEAM").orElseThrow();
        assertThat(members.ofTeam(team.id()))
                .extracting(Member::userId)
                .containsExactlyInAnyOrder("ULEAD", "UM1", "UM2", "UM3");
        assertThat(members.find(team.id(), "UM3").orElseThrow().timezone())
                .contains(java.time.ZoneId.of("America/New_York"));
        // the channel learns who set the pulse up and for how many, with the admin mentioned the Slack way
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> SLACK.posted("C0TEAM").size() == 1);
        assertThat(SLACK.posted("C0TEAM").get(0).params().get("text"))
                .startsWith("<@UADMIN> set up the pulse for 4 people in this channel, one of them as leader.");

        String sent = command("UADMIN", "C0TEAM", "send-now");
        assertThat(sent).startsWith("Sent 4 check-ins");
        FakeSlack.Posted um1 = checkIn("UM1");
        FakeSlack.Posted um2 = checkIn("UM2");
        assertThat(checkIn("UM3")).isNotNull();

        // UM1 and UM2 answer with the buttons: every statement of their check-in gets a 4
        int updates = 0;
        for (FakeSlack.Posted p : List.of(um1, um2)) {
            JsonArray blocks = JsonParser.parseString(p.params().get("blocks")).getAsJsonArray();
            for (JsonObject button : scaleButtons(blocks, 4)) {
                String user = p.channel().substring(1);
                assertThat(slack.postForm(slack.blockAction(
                                        user,
                                        p.channel(),
                                        p.ts(),
                                        button.get("action_id").getAsString(),
                                        button.get("value").getAsString(),
                                        SLACK.hookUrl("click-" + hooks.incrementAndGet()),
                                        blocks))
                                .statusCode())
                        .isEqualTo(200);
                updates++;
                int expected = updates;
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> SLACK.calls("chat.update").stream()
                                        .filter(c -> p.ts().equals(c.param("ts"))
                                                || um1.ts().equals(c.param("ts"))
                                                || um2.ts().equals(c.param("ts")))
                                        .count()
                                >= expected);
            }
        }
        // the check-in message now shows what was recorded
        FakeSlack.Call lastUpdate =
                SLACK.calls("chat.update").get(SLACK.calls("chat.update").size() - 1);
        assertThat(lastUpdate.param("blocks")).contains("✓ 4");

        // UM3 types a reply in the DM instead: six numbers in model order
        int before = SLACK.posted("DUM3").size();
        assertThat(slack.postJson(slack.event("Ev0TYPED1", SlackClientSim.imMessage("UM3", "DUM3", "4 3 5 2 4 5")))
                        .statusCode())
                .isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> SLACK.posted("DUM3").size() > before);

        int leaderBefore = SLACK.posted("DULEAD").size();
        String closed = command("UADMIN", "C0TEAM", "close-week");
        assertThat(closed).isEqualTo("Week closed: the pulse is in the channel and every leader has their digest.");

        List<FakeSlack.Posted> channelPosts = SLACK.posted("C0TEAM");
        assertThat(channelPosts).as("the setup's roster notice, then the pulse").hasSize(2);
        JsonArray pulse = JsonParser.parseString(channelPosts.get(1).params().get("blocks"))
                .getAsJsonArray();
        assertThat(pulse.get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("header");
        assertThat(types(pulse)).contains("section");
        assertThat(pulse.toString()).contains("fields");
        assertThat(SLACK.posted("DULEAD")).hasSizeGreaterThan(leaderBefore);

        assertThat(command("UADMIN", "C0TEAM", "close-week")).contains("already closed");
        assertThat(SLACK.posted("C0TEAM")).hasSize(2);
    }

    /**
     * Without PULSE_PUBLIC_URL the chart goes up as a file of the app: uploaded once (upload address, the bytes,
     * completed without a channel), shown by its file id in the pulse and in the leader's digest, and again by the same
     * id when the pulse post failed and was sent again later.
     */
    @Test
    void withoutAPublicAddressThePulseShowsItsChartAsAFileUploadedOnceEvenWhenThePostIsRetried() throws Exception {
        assertThat(command("UADMIN", "C0CHART", "setup <@UCL|cleo>")).contains("Pulse team set up");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> SLACK.posted("C0CHART").size() == 1);
        assertThat(command("UADMIN", "C0CHART", "send-now")).startsWith("Sent 4 check-ins");
        int event = 0;
        for (String user : List.of("UC1", "UC2", "UC3")) {
            checkIn(user);
            int before = SLACK.posted("D" + user).size();
            slack.postJson(
                    slack.event("Ev0CHART0" + (++event), SlackClientSim.imMessage(user, "D" + user, "4 3 5 2 4 5")));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> SLACK.posted("D" + user).size() > before);
        }

        SLACK.clearRecords();
        // every try of the first post fails: the pulse is sent again later, from the durable queue
        SLACK.fail("chat.postMessage", 4);
        assertThat(command("UADMIN", "C0CHART", "close-week")).contains("Week closed");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> SLACK.pulsesIn("C0CHART") == 1);
        JsonArray pulse = JsonParser.parseString(
                        SLACK.posted("C0CHART").get(1).params().get("blocks"))
                .getAsJsonArray();
        JsonObject image = null;
        for (JsonElement b : pulse) {
            if ("image".equals(b.getAsJsonObject().get("type").getAsString())) {
                image = b.getAsJsonObject();
            }
        }
        assertThat(image).as("an image block in the pulse").isNotNull();
        String fileId = image.getAsJsonObject("slack_file").get("id").getAsString();
        assertThat(image.has("image_url")).isFalse();
        assertThat(image.get("alt_text").getAsString()).startsWith("Chart of the pulse of week");
        assertThat(pulse.toString()).as("the table stays beside the chart").contains("fields");
        assertThat(SLACK.calls("chat.postMessage").stream()
                        .filter(c -> "C0CHART".equals(c.param("channel")))
                        .count())
                .as("the failed tries and the one that landed")
                .isEqualTo(5);

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> SLACK.posted("DUCL").stream()
                        .anyMatch(p -> p.params().get("text").startsWith("Your weekly digest")));
        FakeSlack.Posted digest = SLACK.posted("DUCL").stream()
                .filter(p -> p.params().get("text").startsWith("Your weekly digest"))
                .findFirst()
                .orElseThrow();
        assertThat(digest.params().get("blocks"))
                .as("the digest shows the same file")
                .contains("\"id\":\"" + fileId + "\"");

        assertThat(SLACK.calls("files.getUploadURLExternal"))
                .as("uploaded once")
                .hasSize(1);
        assertThat(SLACK.calls("upload")).hasSize(1);
        FakeSlack.Call complete = SLACK.calls("files.completeUploadExternal").get(0);
        assertThat(SLACK.calls("files.completeUploadExternal")).hasSize(1);
        assertThat(complete.param("channel_id"))
                .as("private to the app, shown only where a message refers to it")
                .isNull();
        assertThat(complete.param("files")).contains(fileId);
        byte[] png = SLACK.uploadedFile(fileId);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png))
                        .getWidth())
                .isEqualTo(900);
    }

    @Test
    void membersFollowTheChannelAndAMemberCannotRunAdminCommands() throws Exception {
        assertThat(command("UADMIN", "C0SYNC", "setup")).contains("Pulse team set up");
        Team team = teams.findByChannel(Platform.SLACK, TEAM, "C0SYNC").orElseThrow();

        slack.postJson(slack.event("Ev0SYNC01", SlackClientSim.memberJoined("UNEW", "C0SYNC")));
        slack.postJson(slack.event("Ev0SYNC02", SlackClientSim.memberJoined("UBOTX", "C0SYNC")));
        slack.postJson(slack.event("Ev0SYNC03", SlackClientSim.memberLeft("UM2", "C0SYNC")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> ids =
                    members.ofTeam(team.id()).stream().map(Member::userId).toList();
            return ids.contains("UNEW") && !ids.contains("UM2");
        });
        assertThat(members.ofTeam(team.id()))
                .extracting(Member::userId)
                .containsExactlyInAnyOrder("ULEAD", "UM1", "UNEW");
        assertThat(members.find(team.id(), "UNEW").orElseThrow().timezone())
                .contains(java.time.ZoneId.of("Asia/Tokyo"));

        // every change is announced in the channel, people mentioned the Slack way
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> SLACK.posted("C0SYNC").size() == 3);
        assertThat(SLACK.posted("C0SYNC"))
                .extracting(p -> p.params().get("text"))
                .containsExactlyInAnyOrder(
                        "<@UADMIN> set up the pulse for 3 people in this channel, none of them as leader yet."
                                + " Whenever someone joins or leaves the team, I'll say so here.",
                        "<@UNEW> joined the channel, and with it the team. New members count towards the pulse from next week (week "
                                + nextWeek(team) + ").",
                        "<@UM2> left the channel, and with it the team.");

        assertThat(command("UM1", "C0SYNC", "close-week")).isEqualTo("Only an admin can use close-week.");
        assertThat(command("UM1", "C0SYNC", "send-now")).startsWith("Only an admin");
        assertThat(SLACK.posted("C0SYNC"))
                .as("nothing more than the roster notices")
                .hasSize(3);
        assertThat(command("UM1", "C0SYNC", "threshold 5")).startsWith("Only an admin");
        assertThat(teams.find(team.id()).orElseThrow().threshold()).isEqualTo(3);
    }

    private static int nextWeek(Team team) {
        return app.trustpulse.pulse.WeekId.of(java.time.Instant.now(), team.timezone())
                .plus(1)
                .week();
    }

    @Test
    void a429StormDuringACheckInRoundLosesNoCheckInAndDoublesNone() throws Exception {
        assertThat(command("UADMIN", "C0STORM", "setup")).contains("Pulse team set up");
        SLACK.rateLimit("chat.postMessage", 4, 1).rateLimit("conversations.open", 2, 1);

        assertThat(command("UADMIN", "C0STORM", "send-now")).startsWith("Sent 3 check-ins");

        for (String user : List.of("US1", "US2", "US3")) {
            assertThat(SLACK.posted("D" + user).stream()
                            .filter(p -> p.params().get("blocks") != null
                                    && p.params().get("blocks").contains(BlockKit.SCALE)))
                    .as("check-ins sent to " + user)
                    .hasSize(1);
        }
    }

    @Test
    void feedbackSentFromItsPreviewIsStoredOnceHoweverOftenSendIsClicked() throws Exception {
        assertThat(command("UADMIN", "C0FEED", "setup <@ULEAD|lea>")).contains("Pulse team set up");
        Team team = teams.findByChannel(Platform.SLACK, TEAM, "C0FEED").orElseThrow();
        String hook = "cmd-" + hooks.incrementAndGet();
        slack.postForm(slack.slashCommand("UM1", "C0FEED", "feedback Stand-ups run too long", SLACK.hookUrl(hook)));
        JsonArray preview = SLACK.awaitHook("/" + hook).body().getAsJsonArray("blocks");
        JsonObject send = null;
        for (JsonElement b : preview) {
            if ("actions".equals(b.getAsJsonObject().get("type").getAsString())) {
                send = b.getAsJsonObject().getAsJsonArray("elements").get(0).getAsJsonObject();
            }
        }
        assertThat(send).isNotNull();

        // twice on the ephemeral preview, as an impatient double click and again a minute later
        for (int click = 0; click < 3; click++) {
            String answer = "fb-" + hooks.incrementAndGet();
            JsonObject payload = JsonParser.parseString(java.net.URLDecoder.decode(
                            slack.blockAction(
                                            "UM1",
                                            "C0FEED",
                                            "1700000000.00090" + click,
                                            send.get("action_id").getAsString(),
                                            send.get("value").getAsString(),
                                            SLACK.hookUrl(answer),
                                            null)
                                    .substring("payload=".length()),
                            java.nio.charset.StandardCharsets.UTF_8))
                    .getAsJsonObject();
            payload.getAsJsonObject("container").addProperty("is_ephemeral", true);
            payload.remove("message");
            slack.postForm("payload=" + SlackClientSim.enc(payload.toString()));
            String text = SLACK.awaitHook("/" + answer).body().get("text").getAsString();
            assertThat(text).startsWith(click == 0 ? "Sent anonymously" : "This feedback was already sent");
        }
        assertThat(feedback.pending(team.id())).hasSize(1);
    }

    /**
     * An event's work is stored before its acknowledgement: when it cannot be stored, the request fails, and Slack's
     * redelivery of the same event is queued and answered once; a delivery after the work was done does nothing.
     */
    @Test
    void aDirectMessageWhoseWorkCouldNotBeStoredIsQueuedWhenSlackSendsItAgain(
            @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) throws Exception {
        RefusingWork.install(jdbc);
        int before = SLACK.posted("DUNEW").size();
        String body = slack.event("Ev0REFUSED1", SlackClientSim.imMessage("UNEW", "DUNEW", "hello"));
        RefusingWork.refusing = true;
        try {
            assertThat(slack.postJson(body).statusCode()).as("not acknowledged").isNotEqualTo(200);
        } finally {
            RefusingWork.refusing = false;
        }
        assertThat(slack.postJson(body).statusCode()).as("the redelivery").isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> SLACK.posted("DUNEW").size() > before);
        assertThat(slack.postJson(body).statusCode()).as("a third delivery").isEqualTo(200);
        Thread.sleep(500);
        assertThat(SLACK.posted("DUNEW")).hasSize(before + 1);
    }

    /** Runs /pulse as Slack would and returns the ephemeral answer that came back through the response URL. */
    private String command(String user, String channel, String text) throws Exception {
        String hook = "cmd-" + hooks.incrementAndGet();
        assertThat(slack.postForm(slack.slashCommand(user, channel, text, SLACK.hookUrl(hook)))
                        .statusCode())
                .isEqualTo(200);
        FakeSlack.Hook answer = SLACK.awaitHook("/" + hook);
        assertThat(answer.body().get("response_type").getAsString()).isEqualTo("ephemeral");
        return answer.body().get("text").getAsString();
    }

    private static FakeSlack.Posted checkIn(String user) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> SLACK.posted("D" + user).stream()
                                .filter(p -> p.params().get("blocks") != null
                                        && p.params().get("blocks").contains(BlockKit.SCALE))
                                .findFirst(),
                        Optional::isPresent)
                .get();
    }

    static List<JsonObject> scaleButtons(JsonArray blocks, int score) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement b : blocks) {
            JsonObject block = b.getAsJsonObject();
            if ("actions".equals(block.get("type").getAsString())) {
                for (JsonElement e : block.getAsJsonArray("elements")) {
                    JsonObject button = e.getAsJsonObject();
                    if (button.get("action_id").getAsString().startsWith(BlockKit.SCALE)
                            && button.get("action_id").getAsString().endsWith(":" + score)) {
                        out.add(button);
                    }
                }
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    private static List<String> types(JsonArray blocks) {
        List<String> out = new ArrayList<>();
        blocks.forEach(b -> out.add(b.getAsJsonObject().get("type").getAsString()));
        return out;
    }
}
