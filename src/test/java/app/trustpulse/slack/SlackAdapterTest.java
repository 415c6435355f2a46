package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.chat.ProcessedEvents;
import app.trustpulse.inbound.ChannelChange;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.inbound.CommandRequest;
import app.trustpulse.inbound.Interaction;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Platform;
import app.trustpulse.support.InMemoryProcessedEvents;
import app.trustpulse.work.WorkConfig;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The adapter in a running web server, single-workspace mode, driven over HTTP the way Slack drives it, with the
 * core replaced by a mock: what reaches the core, and what goes back to Slack's fake Web API.
 */
@SpringBootTest(
        classes = SlackAdapterTest.AdapterOnly.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackAdapterTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TEAM = "T0ACME";
    static final FakeSlack SLACK = start();

    /**
     * The Slack adapter alone, the core replaced by a mock ChatInbox: Boot's auto-configuration (web server, H2,
     * Flyway) without the scheduler, and an in-memory ProcessedEvents. Nested in a test class, so that scans of
     * the real application never pick it up.
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration")
    @Import({SlackConfiguration.class, WorkConfig.class, app.trustpulse.metrics.MetricsConfiguration.class})
    static class AdapterOnly {
        /** The durable queue seals what it keeps, as in the application. */
        @Bean
        app.trustpulse.pulse.Sealer sealer() {
            return app.trustpulse.support.TestDatabases.SEALER;
        }

        @Bean
        ProcessedEvents processedEvents() {
            return new InMemoryProcessedEvents();
        }

        @Bean
        java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }
    }

    static FakeSlack start() {
        try {
            return new FakeSlack()
                    .token("xoxb-single", TEAM)
                    .user("UADMIN", "Ada", "Europe/Amsterdam", true)
                    .user("UMEM", "Mo", "America/New_York", false)
                    .user("UBOB", "Bob", "Europe/London", false)
                    .user("UBOTX", "Helper", "Europe/London", false, true, false)
                    .user("UGONE", "Gone", "Europe/London", false, false, true)
                    .channel("C0TEAM", "UADMIN", "UBOTX", "UMEM", "USLACKBOT", "UGONE", "UBOB");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry r) {
        SlackTestSettings.properties(
                r, "slack-adapter", SLACK, Map.of("bot-token", "xoxb-single", "signing-secret", SECRET));
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    @MockitoBean
    ChatInbox inbox;

    @Autowired
    SlackGateway gateway;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    app.trustpulse.pulse.WorkQueue work;

    SlackClientSim slack;

    @BeforeEach
    void setUp() {
        slack = new SlackClientSim(port, SECRET, TEAM);
        reset(inbox);
    }

    @Test
    void slashCommandReachesTheCoreWithResolvedMentionsAndAnswersEphemerally() throws Exception {
        when(inbox.command(any())).thenReturn(ChatMessage.text("Mo is now a leader of *team-rocket*."));

        HttpResponse<String> ack = slack.postForm(slack.slashCommand(
                "UADMIN", "C0TEAM", "leader <@UMEM|mo> <#C0TEAM|team-rocket>", SLACK.hookUrl("cmd1")));

        assertThat(ack.statusCode()).isEqualTo(200);
        ArgumentCaptor<CommandRequest> req = ArgumentCaptor.forClass(CommandRequest.class);
        verify(inbox, timeout(10_000)).command(req.capture());
        // With the request's id, the same on every run of the request.
        assertThat(req.getValue())
                .isEqualTo(new CommandRequest(
                                new Sender(Platform.SLACK, TEAM, "UADMIN", "Ada", true),
                                Optional.of("C0TEAM"),
                                "leader <@UMEM> <#C0TEAM>")
                        .withRequestKey(req.getValue().requestKey().orElseThrow()));
        FakeSlack.Hook answer = SLACK.awaitHook("cmd1");
        assertThat(answer.body().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(answer.body().get("text").getAsString()).isEqualTo("Mo is now a leader of *team-rocket*.");
    }

    @Test
    void anAnswerTheResponseUrlDidNotTakeIsSentAgainUntilItIsTakenOnce() throws Exception {
        when(inbox.command(any())).thenReturn(ChatMessage.text("Check-ins went out to 4 people."));
        SLACK.hookAnswers("refused", 500, 429);

        slack.postForm(slack.slashCommand("UADMIN", "C0TEAM", "send-now", SLACK.hookUrl("refused")));

        FakeSlack.Hook answer = SLACK.awaitHook("refused");
        assertThat(answer.body().get("text").getAsString()).isEqualTo("Check-ins went out to 4 people.");
        assertThat(SLACK.refusedHooks()).filteredOn(p -> p.endsWith("/refused")).hasSize(2);
        Thread.sleep(1_000);
        assertThat(SLACK.hooks()).filteredOn(h -> h.path().endsWith("/refused")).hasSize(1);
        verify(inbox, times(1)).command(any());
    }

    @Test
    void anAnswerWhoseResponseUrlExpiredGoesToThePersonsDm() throws Exception {
        when(inbox.command(any())).thenReturn(ChatMessage.text("The week of team-rocket is closed."));
        SLACK.hookAnswers("expired", 404);

        slack.postForm(slack.slashCommand("UADMIN", "C0TEAM", "close-week", SLACK.hookUrl("expired")));

        FakeSlack.Call dm =
                SLACK.awaitCall("chat.postMessage", c -> "The week of team-rocket is closed.".equals(c.param("text")));
        assertThat(dm.param("channel")).isIn("UADMIN", "DUADMIN");
        assertThat(SLACK.hooks()).noneMatch(h -> h.path().endsWith("/expired"));
    }

    @Test
    void aMemberIsNotAWorkspaceAdminAndACommandInTheDmHasNoChannel() throws Exception {
        when(inbox.command(any())).thenReturn(ChatMessage.text("Only admins may do that."));

        slack.postForm(slack.slashCommand("UMEM", "D0MEM", "setup", SLACK.hookUrl("cmd2")));

        ArgumentCaptor<CommandRequest> req = ArgumentCaptor.forClass(CommandRequest.class);
        verify(inbox, timeout(10_000)).command(req.capture());
        assertThat(req.getValue().sender().workspaceAdmin()).isFalse();
        assertThat(req.getValue().channelId()).isEmpty();
        assertThat(SLACK.awaitHook("cmd2").body().get("text").getAsString()).isEqualTo("Only admins may do that.");
    }

    @Test
    void forgedStaleAndUnsignedRequestsAreRefusedAndChangeNothing() throws Exception {
        String body = slack.slashCommand("UADMIN", "C0TEAM", "close-week", SLACK.hookUrl("forged"));
        String now = String.valueOf(System.currentTimeMillis() / 1000);
        String old = String.valueOf(System.currentTimeMillis() / 1000 - 6 * 60);
        String ahead = String.valueOf(System.currentTimeMillis() / 1000 + 6 * 60);
        String form = "application/x-www-form-urlencoded";

        assertThat(slack.post(body, form, now, "v0=" + "0".repeat(64)).statusCode())
                .isEqualTo(401);
        assertThat(slack.post(body, form, now, slack.sign(now, body + "&x=1")).statusCode())
                .isEqualTo(401);
        assertThat(slack.post(body, form, old, slack.sign(old, body)).statusCode())
                .isEqualTo(401);
        assertThat(slack.post(body, form, ahead, slack.sign(ahead, body)).statusCode())
                .isEqualTo(401);
        assertThat(slack.post(body, form, null, null).statusCode()).isEqualTo(401);
        assertThat(slack.post(body, form, "yesterday", slack.sign("yesterday", body))
                        .statusCode())
                .isEqualTo(401);

        // a correctly signed request afterwards goes through, so the refusals above were about the signatures
        when(inbox.command(any())).thenReturn(ChatMessage.text("ok"));
        assertThat(slack.postForm(slack.slashCommand("UADMIN", "C0TEAM", "status", SLACK.hookUrl("ok")))
                        .statusCode())
                .isEqualTo(200);
        verify(inbox, timeout(10_000)).command(any());
        verify(inbox, never()).command(eqText("close-week"));
    }

    @Test
    void theRequestUrlAnswersSlacksVerificationChallenge() throws Exception {
        HttpResponse<String> r = slack.postJson(
                "{\"token\":\"legacy\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                        + "\"type\":\"url_verification\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void signedButMalformedPayloadsGet400() throws Exception {
        assertThat(slack.postForm("payload=" + SlackClientSim.enc("{not json")).statusCode())
                .isEqualTo(400);
        assertThat(slack.postForm("hello=world").statusCode()).isEqualTo(400);
        assertThat(slack.postJson("{\"type\":\"event_callback\",\"event_id\":\"Ev1\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(slack.postForm("payload="
                                + SlackClientSim.enc("{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM
                                        + "\"},\"actions\":[{\"action_id\":\"tp:btn:0:0\",\"value\":\"x\"}]}"))
                        .statusCode())
                .isEqualTo(400);
        verify(inbox, never()).interaction(any());
    }

    @Test
    void aCapturedSignedCommandReplayedWithinTheWindowRunsOnce() throws Exception {
        when(inbox.command(any())).thenReturn(ChatMessage.text("Sent 3 check-ins."));
        String body = slack.slashCommand("UADMIN", "C0TEAM", "send-now", SLACK.hookUrl("replayed"));
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        String signature = slack.sign(ts, body);
        String form = "application/x-www-form-urlencoded";

        for (int i = 0; i < 4; i++) {
            assertThat(slack.post(body, form, ts, signature).statusCode()).isEqualTo(200);
        }

        verify(inbox, timeout(10_000)).command(eqText("send-now"));
        Thread.sleep(300);
        verify(inbox, times(1)).command(any());
        // the same words sent again as a new request (a new timestamp and signature) do run
        assertThat(slack.postForm(slack.slashCommand("UADMIN", "C0TEAM", "send-now", SLACK.hookUrl("again")))
                        .statusCode())
                .isEqualTo(200);
        verify(inbox, timeout(10_000).times(2)).command(eqText("send-now"));
    }

    @Test
    void aReplayedClickIsHandledOnce() throws Exception {
        when(inbox.interaction(any())).thenReturn(Optional.empty());
        String body = slack.blockAction(
                "UMEM",
                "D0MEM",
                "1700000000.000200",
                "tp:btn:0:0",
                "dismiss",
                SLACK.hookUrl("click-replay"),
                new com.google.gson.JsonArray());
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        String signature = slack.sign(ts, body);

        assertThat(slack.post(body, "application/x-www-form-urlencoded", ts, signature)
                        .statusCode())
                .isEqualTo(200);
        assertThat(slack.post(body, "application/x-www-form-urlencoded", ts, signature)
                        .statusCode())
                .isEqualTo(200);

        verify(inbox, timeout(10_000)).interaction(any());
        Thread.sleep(300);
        verify(inbox, times(1)).interaction(any());
    }

    @Test
    void signedPayloadsWithWrongFieldTypesOrAnOverlongEventIdGet400NotAStackTrace() throws Exception {
        assertThat(slack.postJson("{\"type\":\"event_callback\",\"team_id\":\"" + TEAM + "\",\"event_id\":\""
                                + "E".repeat(301)
                                + "\",\"event\":{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"UMEM\","
                                + "\"channel\":\"D0MEM\",\"text\":\"hi\"}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(slack.postJson("{\"type\":\"event_callback\",\"team_id\":\"" + TEAM + "\",\"event_id\":{\"a\":1},"
                                + "\"event\":{\"type\":\"message\"}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(slack.postJson("{\"type\":\"event_callback\",\"team_id\":\"" + TEAM + "\",\"event_id\":\"Ev0TYPES\","
                                + "\"event\":{\"type\":\"message\",\"channel_type\":\"im\",\"user\":{\"id\":[1,2]},\"channel\":\"D0MEM\","
                                + "\"text\":\"hi\"}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(slack.postForm(
                                "payload="
                                        + SlackClientSim.enc(
                                                "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM
                                                        + "\"},\"user\":\"not-an-object\",\"actions\":[{\"action_id\":\"tp:btn:0:0\",\"value\":7}]}"))
                        .statusCode())
                .isEqualTo(400);
        // Both once threw inside Bolt before any listener ran: a user object without an id, an action that is null.
        JsonObject userWithoutId = SlackClientSim.imMessage("UMEM", "D0MEM", "hi");
        userWithoutId.add("user", new JsonObject());
        assertThat(slack.postJson(slack.event("Ev0NOID", userWithoutId)).statusCode())
                .isEqualTo(400);
        JsonObject click = JsonParser.parseString(java.net.URLDecoder.decode(
                        slack.blockAction(
                                        "UMEM",
                                        "D0MEM",
                                        "1700000000.000200",
                                        "tp:btn:0:0",
                                        "dismiss",
                                        SLACK.hookUrl("null-action"),
                                        null)
                                .substring("payload=".length()),
                        java.nio.charset.StandardCharsets.UTF_8))
                .getAsJsonObject();
        JsonArray nullAction = new JsonArray();
        nullAction.add(com.google.gson.JsonNull.INSTANCE);
        click.add("actions", nullAction);
        HttpResponse<String> refused = slack.postForm("payload=" + SlackClientSim.enc(click.toString()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("malformed payload: payload: actions[0] is not an object");
        verify(inbox, never()).interaction(any());
        verify(inbox, never()).directMessage(any(), anyString());
    }

    @Test
    void aTimestampFarInThePastDoesNotOverflowTheFreshnessCheck() throws Exception {
        String body = slack.slashCommand("UADMIN", "C0TEAM", "close-week", SLACK.hookUrl("overflow"));
        String form = "application/x-www-form-urlencoded";
        long now = System.currentTimeMillis() / 1000;
        for (long ts : new long[] {now - Long.MAX_VALUE - 1, Long.MIN_VALUE, Long.MAX_VALUE, now + Long.MAX_VALUE}) {
            String t = String.valueOf(ts);
            assertThat(slack.post(body, form, t, slack.sign(t, body)).statusCode())
                    .as("timestamp %s", t)
                    .isEqualTo(401);
        }
        verify(inbox, never()).command(any());
    }

    @Test
    void anEventDeliveredTwiceIsHandledOnce() throws Exception {
        when(inbox.directMessage(any(), anyString())).thenReturn(ChatMessage.text("Recorded: freedom 4."));
        String event = slack.event("Ev0DM0001", SlackClientSim.imMessage("UMEM", "D0MEM", "freedom 4"));

        assertThat(slack.postJson(event).statusCode()).isEqualTo(200);
        assertThat(slack.postJson(event).statusCode()).isEqualTo(200);

        verify(inbox, timeout(10_000))
                .directMessage(new Sender(Platform.SLACK, TEAM, "UMEM", "Mo", false), "freedom 4");
        SLACK.awaitCall("chat.postMessage", c -> "D0MEM".equals(c.param("channel")));
        verify(inbox).directMessage(any(), anyString());
        assertThat(SLACK.posted("D0MEM")).hasSize(1);
        assertThat(SLACK.posted("D0MEM").get(0).params().get("text")).isEqualTo("Recorded: freedom 4.");
    }

    @Test
    void aClickReachesTheCoreWithItsMessageAndADoubleClickCountsOnce() throws Exception {
        when(inbox.interaction(any())).thenReturn(Optional.of(ChatMessage.text("Thanks, 4 recorded.")));
        JsonArray blocks = JsonParser.parseString("[{\"type\":\"section\",\"block_id\":\"s1\",\"text\":"
                        + "{\"type\":\"mrkdwn\",\"text\":\"I have room to decide\"}}]")
                .getAsJsonArray();
        String click = slack.blockAction(
                "UMEM",
                "D0MEM",
                "1700000000.000200",
                "tp:scale:1:4",
                "answer:7:FREEDOM:4",
                SLACK.hookUrl("click1"),
                blocks);
        String again = slack.blockAction(
                "UMEM",
                "D0MEM",
                "1700000000.000200",
                "tp:scale:1:4",
                "answer:7:FREEDOM:4",
                SLACK.hookUrl("click1"),
                blocks);

        assertThat(slack.postForm(click).statusCode()).isEqualTo(200);
        assertThat(slack.postForm(again).statusCode()).isEqualTo(200);

        ArgumentCaptor<Interaction> i = ArgumentCaptor.forClass(Interaction.class);
        verify(inbox, timeout(10_000)).interaction(i.capture());
        assertThat(i.getValue().action()).isEqualTo("answer:7:FREEDOM:4");
        assertThat(i.getValue().input()).isEmpty();
        assertThat(i.getValue().message()).contains(new MessageRef(Platform.SLACK, TEAM, "D0MEM", "1700000000.000200"));
        assertThat(SLACK.awaitHook("click1").body().get("response_type").getAsString())
                .isEqualTo("ephemeral");
        verify(inbox).interaction(any());

        // after the message was updated (different blocks), the same button counts again
        JsonArray updated = JsonParser.parseString("[{\"type\":\"section\",\"block_id\":\"s1\",\"text\":"
                        + "{\"type\":\"mrkdwn\",\"text\":\"I have room to decide (4 recorded)\"}}]")
                .getAsJsonArray();
        slack.postForm(slack.blockAction(
                "UMEM",
                "D0MEM",
                "1700000000.000200",
                "tp:scale:1:4",
                "answer:7:FREEDOM:4",
                SLACK.hookUrl("click2"),
                updated));
        verify(inbox, timeout(10_000).times(2)).interaction(any());
    }

    @Test
    void aButtonThatAsksForTextOpensAModalAndItsSubmissionCarriesTheText() throws Exception {
        ChatMessage checkIn = new ChatMessage(
                "check-in",
                List.of(new Block.Buttons(List.of(Button.withInput(
                        "Add a comment",
                        "comment:7:FREEDOM",
                        new Button.InputRequest("Your comment", "What would help?", "Send", 500))))));
        JsonObject rendered = renderedButton(checkIn);
        String click = slack.blockAction(
                "UMEM",
                "D0MEM",
                "1700000000.000300",
                rendered.get("action_id").getAsString(),
                rendered.get("value").getAsString(),
                SLACK.hookUrl("ask"),
                null);

        assertThat(slack.postForm(click).statusCode()).isEqualTo(200);

        FakeSlack.Call open = SLACK.awaitCall("views.open", c -> true);
        assertThat(open.param("trigger_id")).startsWith("12466734323.");
        JsonObject view = open.json("view");
        assertThat(view.get("type").getAsString()).isEqualTo("modal");
        assertThat(view.getAsJsonObject("title").get("text").getAsString()).isEqualTo("Your comment");
        assertThat(view.getAsJsonObject("submit").get("text").getAsString()).isEqualTo("Send");
        assertThat(view.getAsJsonArray("blocks")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("element")
                        .get("max_length")
                        .getAsInt())
                .isEqualTo(500);
        verify(inbox, never()).interaction(any());

        when(inbox.interaction(any())).thenReturn(Optional.of(ChatMessage.text("Comment saved.")));
        String submit = slack.viewSubmission(
                "UMEM",
                "V0MODAL",
                "1700000000.abc",
                view.get("private_metadata").getAsString(),
                "More time to focus");
        assertThat(slack.postForm(submit).statusCode()).isEqualTo(200);
        assertThat(slack.postForm(submit).statusCode()).isEqualTo(200);

        ArgumentCaptor<Interaction> i = ArgumentCaptor.forClass(Interaction.class);
        verify(inbox, timeout(10_000)).interaction(i.capture());
        assertThat(i.getValue().action()).isEqualTo("comment:7:FREEDOM");
        assertThat(i.getValue().input()).contains("More time to focus");
        assertThat(i.getValue().message()).contains(new MessageRef(Platform.SLACK, TEAM, "D0MEM", "1700000000.000300"));
        FakeSlack.Call eph = SLACK.awaitCall("chat.postEphemeral", c -> "D0MEM".equals(c.param("channel")));
        assertThat(eph.param("user")).isEqualTo("UMEM");
        verify(inbox).interaction(any());
    }

    @Test
    void channelMembershipEventsKeepTheTeamInSyncWithHumansOnly() throws Exception {
        slack.postJson(slack.event("Ev0JOIN01", SlackClientSim.memberJoined("UBOB", "C0TEAM")));
        slack.postJson(slack.event("Ev0JOIN02", SlackClientSim.memberJoined("UBOTX", "C0TEAM")));
        slack.postJson(slack.event("Ev0LEFT01", SlackClientSim.memberLeft("UMEM", "C0TEAM")));

        verify(inbox, timeout(10_000))
                .membersJoined(
                        new ChannelChange(
                                Platform.SLACK, TEAM, "C0TEAM", Optional.empty(), Optional.of("slack:event:Ev0JOIN01")),
                        List.of(new ChatUser("UBOB", "Bob", Optional.of(ZoneId.of("Europe/London")))));
        verify(inbox, timeout(10_000))
                .membersLeft(
                        new ChannelChange(
                                Platform.SLACK, TEAM, "C0TEAM", Optional.empty(), Optional.of("slack:event:Ev0LEFT01")),
                        List.of("UMEM"));
        SLACK.awaitCall("users.info", c -> "UBOTX".equals(c.param("user")));
        verify(inbox, never())
                .membersJoined(
                        any(), eq(List.of(new ChatUser("UBOTX", "Helper", Optional.of(ZoneId.of("Europe/London"))))));
    }

    @Test
    void someoneAddedToTheChannelByAnotherPersonIsHandedOverWithWhoAddedThem() throws Exception {
        slack.postJson(slack.event("Ev0INVITE1", SlackClientSim.memberInvited("UBOB", "C0TEAM", "UADMIN")));

        verify(inbox, timeout(10_000))
                .membersJoined(
                        new ChannelChange(
                                Platform.SLACK,
                                TEAM,
                                "C0TEAM",
                                Optional.of(new ChatUser("UADMIN", "UADMIN", Optional.empty())),
                                Optional.of("slack:event:Ev0INVITE1")),
                        List.of(new ChatUser("UBOB", "Bob", Optional.of(ZoneId.of("Europe/London")))));
    }

    @Test
    void openingTheHomeTabPublishesTheCoresOverview() throws Exception {
        when(inbox.home(any()))
                .thenReturn(new ChatMessage(
                        "home",
                        List.of(
                                new Block.Header("Your trust pulse"),
                                new Block.Text("You are in *team-rocket*."),
                                new Block.Buttons(List.of(Button.of("Pause my check-ins", "cmd:optout"))))));

        slack.postJson(slack.event("Ev0HOME01", SlackClientSim.homeOpened("UMEM")));

        FakeSlack.Call publish = SLACK.awaitCall("views.publish", c -> "UMEM".equals(c.param("user_id")));
        JsonObject view = publish.json("view");
        assertThat(view.get("type").getAsString()).isEqualTo("home");
        assertThat(view.toString())
                .contains("Your trust pulse")
                .contains("You are in *team-rocket*.")
                .contains("cmd:optout");
        verify(inbox).home(new Sender(Platform.SLACK, TEAM, "UMEM", "Mo", false));
    }

    @Test
    void channelMembersAreReadPageByPageLeavingOutBotsDeactivatedUsersAndSlackbot() {
        List<ChatUser> members =
                gateway.channelMembers(new app.trustpulse.chat.ChannelAddress(Platform.SLACK, TEAM, "C0TEAM"));

        assertThat(members)
                .containsExactly(
                        new ChatUser("UADMIN", "Ada", Optional.of(ZoneId.of("Europe/Amsterdam"))),
                        new ChatUser("UMEM", "Mo", Optional.of(ZoneId.of("America/New_York"))),
                        new ChatUser("UBOB", "Bob", Optional.of(ZoneId.of("Europe/London"))));
        assertThat(SLACK.calls("conversations.members")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aSignedCommandThatCouldNeverBeAnsweredIsRefusedAtOnceAndNeverQueued() throws Exception {
        List<String> bodies = List.of(
                slack.slashCommand("U\u0000ADMIN", "C0TEAM", "status", SLACK.hookUrl("poison-nul")),
                slack.slashCommand("UADMIN", "C0\nTEAM", "status", SLACK.hookUrl("poison-channel")),
                slack.slashCommand("UADMIN", "C0TEAM", "status", "https://attacker.example/hooks/x"),
                slack.slashCommand("UADMIN", "C0TEAM", "status", "not a url"));

        // Control characters and an answer address that is no URL fail the shape check (400, before Bolt); an answer
        // address on another host is refused with a reply the person sees. Either way nothing is queued.
        for (String body : bodies) {
            HttpResponse<String> ack = slack.postForm(body);
            if (body.contains("%00") || body.contains("%0A") || body.contains("response_url=not+a+url")) {
                assertThat(ack.statusCode()).as(body).isEqualTo(400);
            } else {
                assertThat(ack.statusCode()).as(body).isEqualTo(200);
                assertThat(JsonParser.parseString(ack.body())
                                .getAsJsonObject()
                                .get("text")
                                .getAsString())
                        .isEqualTo(new SlackTexts().get(app.trustpulse.pulse.Language.EN, "slack.refused.request"));
            }
        }

        assertThat(queued(SlackRequests.KIND)).isZero();
        Thread.sleep(300);
        verify(inbox, never()).command(any());
        assertThat(SLACK.hooks()).noneMatch(h -> h.path().contains("poison"));
    }

    @Test
    void signedEventsAndClicksThatCouldNeverBeHandledAreDroppedOrRefusedNotQueued() throws Exception {
        // Ids with control characters fail the shape check before Bolt sees the event.
        assertThat(slack.postJson(
                                slack.event("Ev0POISON1", SlackClientSim.imMessage("U\u0001MEM", "D0MEM", "freedom 4")))
                        .statusCode())
                .isEqualTo(400);
        assertThat(slack.postJson(slack.event("Ev0POISON2", SlackClientSim.memberJoined("UBOB", "C0\u0000TEAM")))
                        .statusCode())
                .isEqualTo(400);
        assertThat(slack.postForm(slack.blockAction(
                                "UMEM",
                                "D0MEM",
                                "1700000000.000900",
                                "tp:btn:0:0",
                                "dismiss",
                                "https://attacker.example/hooks/y",
                                new JsonArray()))
                        .statusCode())
                .isEqualTo(400);

        assertThat(queued(SlackRequests.KIND)).isZero();
        Thread.sleep(300);
        verify(inbox, never()).directMessage(any(), anyString());
        verify(inbox, never()).memberJoined(any(), any(), any(), any());
        verify(inbox, never()).interaction(any());
    }

    @Test
    void poisonQueuedBeforeTheCheckIsDroppedOnItsFirstRunWithoutRetries() {
        work.enqueue(
                SlackRequests.KIND,
                "queued-before",
                new com.google.gson.Gson()
                        .toJson(new SlackRequest(
                                SlackRequest.Type.COMMAND,
                                TEAM,
                                "U\u0000MEM",
                                "C0TEAM",
                                "status",
                                SLACK.hookUrl("old-poison"),
                                null,
                                null,
                                null,
                                false)));

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> queued(SlackRequests.KIND) == 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_dead_letter")
                        .query(Long.class)
                        .single())
                .isZero();
        verify(inbox, never()).command(any());
        assertThat(SLACK.hooks()).noneMatch(h -> h.path().endsWith("old-poison"));
    }

    private long queued(String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :kind")
                .param("kind", kind)
                .query(Long.class)
                .single();
    }

    private static JsonObject renderedButton(ChatMessage message) {
        String json = com.slack.api.util.json.GsonFactory.createSnakeCase()
                .toJson(new BlockKit(new SlackTexts()).message(message));
        return JsonParser.parseString(json)
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("elements")
                .get(0)
                .getAsJsonObject();
    }

    private static CommandRequest eqText(String text) {
        return org.mockito.ArgumentMatchers.argThat(r -> r != null && r.text().equals(text));
    }
}
