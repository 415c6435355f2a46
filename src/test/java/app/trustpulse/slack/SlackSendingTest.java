package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.Delivery;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.pulse.Platform;
import app.trustpulse.support.TestScales;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Sending through the gateway: Block Kit, the SDK's rate-limited client, retries, and never a second DM. */
@SpringBootTest(classes = SlackAdapterTest.AdapterOnly.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SlackSendingTest {

    static final String TEAM = "T0SEND";
    static final FakeSlack SLACK = start();

    static FakeSlack start() {
        try {
            FakeSlack f = new FakeSlack().token("xoxb-send", TEAM);
            for (String u : List.of("U1", "U2", "U3", "U4", "U5")) {
                f.user(u, "Person " + u, "Europe/Amsterdam", false);
            }
            return f;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry r) {
        SlackTestSettings.properties(
                r, "slack-sending", SLACK, Map.of("bot-token", "xoxb-send", "signing-secret", "secret-send"));
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @MockitoBean
    ChatInbox inbox;

    @Autowired
    SlackGateway gateway;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @BeforeEach
    void clean() {
        jdbc.sql("DELETE FROM slack_delivery").update();
    }

    static ChatMessage checkIn() {
        return new ChatMessage(
                "Your weekly check-in",
                List.of(
                        new Block.Text("Hi! Two quick questions."),
                        new Block.Scale(
                                "I have room to decide how I do my work.",
                                "answer:7:FREEDOM:",
                                TestScales.agreement(),
                                Optional.empty()),
                        new Block.Buttons(List.of(Button.withInput(
                                "Add a comment",
                                "comment:7:FREEDOM",
                                new Button.InputRequest("Comment", "Anything to add?", "Send", 500))))));
    }

    @Test
    void aDirectMessageGoesToTheUserIdWithoutOpeningTheImAndPostsTheStatementsWithFiveLabelledPointsAndCantSay() {
        MessageRef ref = gateway.sendDirect(new DirectAddress(Platform.SLACK, TEAM, "U1"), checkIn());

        assertThat(ref.platform()).isEqualTo(Platform.SLACK);
        assertThat(ref.workspaceId()).isEqualTo(TEAM);
        assertThat(ref.conversationId()).isEqualTo("DU1");
        assertThat(SLACK.calls("conversations.open")).noneMatch(c -> "U1".equals(c.param("users")));
        assertThat(SLACK.calls("chat.postMessage")).anyMatch(c -> "U1".equals(c.param("channel")));
        List<FakeSlack.Posted> all = SLACK.posted("DU1");
        FakeSlack.Posted posted = all.get(all.size() - 1);

        // The DM channel from Slack's answer is kept: the next DM goes straight to it.
        gateway.sendDirect(new DirectAddress(Platform.SLACK, TEAM, "U1"), checkIn());
        List<FakeSlack.Call> posts = SLACK.calls("chat.postMessage");
        assertThat(posts.get(posts.size() - 1).param("channel")).isEqualTo("DU1");
        assertThat(jdbc.sql("SELECT channel_id FROM slack_im WHERE user_id = 'U1'")
                        .query(String.class)
                        .single())
                .isEqualTo("DU1");
        assertThat(ref.messageId()).isEqualTo(posted.ts());
        assertThat(posted.params().get("text")).isEqualTo("Your weekly check-in");
        JsonArray blocks = JsonParser.parseString(posted.params().get("blocks")).getAsJsonArray();
        JsonArray scale = blocks.get(2).getAsJsonObject().getAsJsonArray("elements");
        assertThat(scale).hasSize(6);
        for (int i = 0; i < 6; i++) {
            JsonObject b = scale.get(i).getAsJsonObject();
            assertThat(b.get("value").getAsString())
                    .isEqualTo(
                            "answer:7:FREEDOM:" + TestScales.agreement().get(i).value());
            assertThat(b.getAsJsonObject("text").get("text").getAsString())
                    .isEqualTo(TestScales.agreement().get(i).label());
        }
        assertThat(scale.get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("text")
                        .get("text")
                        .getAsString())
                .isEqualTo("1 · Strongly disagree");
        assertThat(scale.get(5).getAsJsonObject().get("value").getAsString()).isEqualTo("answer:7:FREEDOM:?");
        assertThat(blocks.toString()).contains("tp:ask:");
        assertThat(posted.params().get("metadata")).contains(SlackGateway.METADATA_EVENT);
    }

    @Test
    void anUpdateReplacesTheMessageInPlaceShowingWhatWasRecorded() {
        MessageRef ref = gateway.sendDirect(new DirectAddress(Platform.SLACK, TEAM, "U2"), checkIn());
        ChatMessage answered = new ChatMessage(
                "Your weekly check-in",
                List.of(new Block.Scale(
                        "I have room to decide how I do my work.",
                        "answer:7:FREEDOM:",
                        TestScales.agreement(),
                        Optional.of("4"))));

        gateway.update(ref, answered);

        FakeSlack.Call update =
                SLACK.awaitCall("chat.update", c -> ref.messageId().equals(c.param("ts")));
        assertThat(update.param("channel")).isEqualTo("DU2");
        JsonArray buttons = JsonParser.parseString(update.param("blocks"))
                .getAsJsonArray()
                .get(1)
                .getAsJsonObject()
                .getAsJsonArray("elements");
        assertThat(buttons.get(3).getAsJsonObject().get("style").getAsString()).isEqualTo("primary");
        assertThat(buttons.get(3)
                        .getAsJsonObject()
                        .getAsJsonObject("text")
                        .get("text")
                        .getAsString())
                .isEqualTo("✓ 4 · Agree");
        assertThat(buttons.get(2).getAsJsonObject().has("style")).isFalse();
    }

    @Test
    void a429StormDuringACheckInRoundLosesNoDmAndDoublesNone() {
        SLACK.rateLimit("chat.postMessage", 5, 1).rateLimit("conversations.open", 2, 1);
        List<String> people = List.of("U1", "U2", "U3", "U4", "U5");
        int before = SLACK.calls("chat.postMessage").size();
        Map<String, Integer> postedBefore = new java.util.HashMap<>();
        people.forEach(u -> postedBefore.put(u, SLACK.posted("D" + u).size()));

        for (String u : people) {
            gateway.sendDirect(new DirectAddress(Platform.SLACK, TEAM, u), checkIn());
        }

        for (String u : people) {
            assertThat(SLACK.posted("D" + u)).as("DMs to " + u).hasSize(postedBefore.get(u) + 1);
        }
        assertThat(SLACK.calls("chat.postMessage").size() - before).isEqualTo(people.size() + 5);
        assertThat(meters.get("trustpulse.rate.limit.waits")
                        .tag("platform", "slack")
                        .timer()
                        .count())
                .as("429 waits counted")
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void aLostResponseIsNotRetriedIntoASecondDm() {
        SLACK.loseResponse("chat.postMessage");
        int before = SLACK.posted("DU3").size();

        MessageRef ref = gateway.sendDirect(new DirectAddress(Platform.SLACK, TEAM, "U3"), checkIn());

        List<FakeSlack.Posted> posted = SLACK.posted("DU3");
        assertThat(posted).hasSize(before + 1);
        assertThat(ref.messageId()).isEqualTo(posted.get(posted.size() - 1).ts());
        assertThat(SLACK.calls("conversations.history")).anyMatch(c -> "DU3".equals(c.param("channel")));
        assertThat(deliveries()).singleElement().satisfies(d -> {
            assertThat(d.get("method")).isEqualTo("chat.postMessage");
            assertThat(d.get("outcome")).isEqualTo("DELIVERED");
        });
    }

    @Test
    void failedCallsAreRetriedWithBackoffAndRecorded() {
        MessageRef ref = gateway.sendDirect(new DirectAddress(Platform.SLACK, TEAM, "U4"), checkIn());
        SLACK.fail("chat.update", 2);
        double retriedBefore = meters.get("trustpulse.deliveries.retried")
                .tag("platform", "slack")
                .counter()
                .count();

        gateway.update(ref, ChatMessage.text("thanks"));

        assertThat(meters.get("trustpulse.deliveries.retried")
                                .tag("platform", "slack")
                                .counter()
                                .count()
                        - retriedBefore)
                .isEqualTo(2.0);
        assertThat(deliveries()).singleElement().satisfies(d -> {
            assertThat(d.get("method")).isEqualTo("chat.update");
            assertThat(d.get("outcome")).isEqualTo("DELIVERED");
            assertThat(((Number) d.get("attempts")).intValue()).isEqualTo(3);
        });
    }

    @Test
    void aCallThatKeepsFailingEndsInAChatDeliveryExceptionAndIsRecorded() {
        MessageRef ref = gateway.sendDirect(new DirectAddress(Platform.SLACK, TEAM, "U5"), checkIn());
        SLACK.fail("chat.update", 4);

        assertThatThrownBy(() -> gateway.update(ref, ChatMessage.text("thanks")))
                .isInstanceOf(ChatDeliveryException.class)
                .hasMessageContaining("chat.update");
        assertThat(deliveries()).singleElement().satisfies(d -> {
            assertThat(d.get("outcome")).isEqualTo("FAILED");
            assertThat(((Number) d.get("attempts")).intValue()).isEqualTo(4);
            assertThat((String) d.get("last_error")).contains("500");
        });
    }

    @Autowired
    app.trustpulse.chat.ImageUploads uploads;

    @Test
    void aChartUploadedAsAPrivateFileIsShownByItsIdAndAPostSlackRefusesGoesOutWithoutIt() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        String fileId = uploads.uploadPng(TEAM, "pulse-2026-W47.png", png, "Chart of the pulse of week 47");
        assertThat(SLACK.uploadedFile(fileId)).isEqualTo(png);
        assertThat(SLACK.calls("files.getUploadURLExternal"))
                .last()
                .satisfies(c -> assertThat(c.param("length")).isEqualTo(String.valueOf(png.length)));
        assertThat(SLACK.calls("files.completeUploadExternal"))
                .last()
                .satisfies(c -> assertThat(c.param("channel_id")).isNull());

        ChannelAddress channel = new ChannelAddress(Platform.SLACK, TEAM, "C0FILES");
        ChatMessage pulse = new ChatMessage(
                "Team pulse",
                List.of(
                        new Block.Header("Team pulse"),
                        Block.Image.platformFile(fileId, "Chart of the pulse of week 47: Vision 3.6"),
                        new Block.Text("Vision 3.6")));
        gateway.postToChannel(channel, pulse);
        JsonObject image = JsonParser.parseString(
                        SLACK.posted("C0FILES").get(0).params().get("blocks"))
                .getAsJsonArray()
                .get(1)
                .getAsJsonObject();
        assertThat(image.get("type").getAsString()).isEqualTo("image");
        assertThat(image.getAsJsonObject("slack_file").get("id").getAsString()).isEqualTo(fileId);
        assertThat(image.get("alt_text").getAsString()).isEqualTo("Chart of the pulse of week 47: Vision 3.6");

        // Slack refuses to show the file (twice, a moment apart): the pulse goes out with its text alone
        SLACK.refuseSlackFiles(true);
        try {
            gateway.postToChannel(channel, pulse);
        } finally {
            SLACK.refuseSlackFiles(false);
        }
        assertThat(SLACK.posted("C0FILES")).hasSize(2);
        String textOnly = SLACK.posted("C0FILES").get(1).params().get("blocks");
        assertThat(textOnly).doesNotContain("slack_file").contains("Vision 3.6").contains("header");
        assertThat(SLACK.calls("chat.postMessage").stream()
                        .filter(c -> "C0FILES".equals(c.param("channel")))
                        .count())
                .isEqualTo(4);
    }

    @Test
    void aChannelPostWhoseAnswerWasLostIsFoundByItsDeliveryIdAndNotRepeated() {
        SLACK.loseResponse("chat.postMessage");
        ChannelAddress channel = new ChannelAddress(Platform.SLACK, TEAM, "C0PULSE");

        MessageRef ref = gateway.postToChannel(channel, ChatMessage.text("Weekly pulse"));

        assertThat(SLACK.posted("C0PULSE"))
                .singleElement()
                .satisfies(p -> assertThat(p.ts()).isEqualTo(ref.messageId()));
        assertThat(SLACK.calls("conversations.history")).anyMatch(c -> "C0PULSE".equals(c.param("channel")));
    }

    @Test
    void aRetriedDeliveryLooksForItsIdFirstAndDoesNotPostAgainWhenItLanded() {
        ChannelAddress channel = new ChannelAddress(Platform.SLACK, TEAM, "C0RETRY");
        Delivery delivery = Delivery.fresh();
        MessageRef first = gateway.postToChannel(channel, ChatMessage.text("Weekly pulse"), delivery);

        MessageRef again =
                gateway.postToChannel(channel, ChatMessage.text("Weekly pulse"), new Delivery(delivery.id(), true));

        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(SLACK.posted("C0RETRY")).hasSize(1);
        MessageRef fresh =
                gateway.postToChannel(channel, ChatMessage.text("Weekly pulse"), new Delivery("other", true));
        assertThat(fresh.messageId()).isNotEqualTo(first.messageId());
        assertThat(SLACK.posted("C0RETRY")).hasSize(2);
    }

    @Test
    void aReplyUnderAChannelPostGoesIntoItsThread() {
        ChannelAddress channel = new ChannelAddress(Platform.SLACK, TEAM, "C0THREAD");
        MessageRef quote = gateway.postToChannel(channel, ChatMessage.text("Anonymous feedback"));

        MessageRef reply = gateway.replyInThread(quote, ChatMessage.text("*Lee:* we're on it."));

        assertThat(reply.conversationId()).isEqualTo("C0THREAD");
        assertThat(SLACK.calls("chat.postMessage"))
                .filteredOn(c -> "C0THREAD".equals(c.param("channel")))
                .extracting(c -> c.param("thread_ts"))
                .containsExactly(null, quote.messageId());
    }

    private List<Map<String, Object>> deliveries() {
        return jdbc.sql("SELECT * FROM slack_delivery").query().listOfRows();
    }
}
