package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.chat.ProcessedEvents;
import app.trustpulse.inbound.ChannelChange;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.inbound.CommandRequest;
import app.trustpulse.inbound.Interaction;
import app.trustpulse.pulse.Platform;
import app.trustpulse.support.InMemoryProcessedEvents;
import app.trustpulse.support.QueuedWork;
import app.trustpulse.support.TestDatabases;
import app.trustpulse.support.TestScales;
import app.trustpulse.work.WorkConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The adapter alone, over HTTP, against a fake Bot Connector: authentication on, the core replaced by a mock
 * inbox, so each test shows exactly what the adapter hands to the core and what it sends to Teams.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "microsoft.app.id=test-app-id",
            "microsoft.app.password=not-used-in-tests",
            "pulse.pseudonym-secret=" + TestDatabases.PSEUDONYM_KEY,
            "teams.initial-backoff=1ms",
            "teams.max-backoff=5ms",
            "spring.datasource.url=jdbc:h2:mem:teams-adapter;DB_CLOSE_DELAY=-1" + TestDatabases.H2_FLAGS
        })
class TeamsAdapterTest {

    static final FakeBotConnector CONNECTOR = start();
    static final TestTokens TOKENS = new TestTokens();
    static final TeamsPayloads PAYLOADS = new TeamsPayloads(CONNECTOR.url());

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({TeamsConfiguration.class, TeamsController.class, WorkConfig.class, OfflineCredentials.class})
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

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) {
        registry.add("teams.openid-metadata-url", CONNECTOR::openIdUrl);
        registry.add("teams.graph-url", CONNECTOR::graphUrl);
    }

    @MockitoBean
    ChatInbox inbox;

    @Autowired
    TeamsGateway gateway;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void clean() {
        CONNECTOR.publishKey(TestTokens.KEY_ID, TOKENS.publishedKey());
        CONNECTOR.reset();
        jdbc.sql("DELETE FROM teams_channel").update();
        jdbc.sql("DELETE FROM teams_team").update();
        jdbc.sql("DELETE FROM teams_user").update();
    }

    @AfterAll
    static void stop() {
        CONNECTOR.close();
    }

    @Test
    void addingTheBotToATeamStoresTeamAndChannelAndWelcomesOnce() throws Exception {
        assertThat(post(PAYLOADS.botAddedToTeam("29:olga"))).isEqualTo(200);
        assertThat(post(PAYLOADS.botAddedToTeam("29:olga"))).isEqualTo(200);

        assertThat(jdbc.sql("SELECT team_name FROM teams_team WHERE tenant_id = ? AND team_id = ?")
                        .params(TeamsPayloads.TENANT, TeamsPayloads.TEAM)
                        .query(String.class)
                        .single())
                .isEqualTo("Design");
        assertThat(jdbc.sql("SELECT service_url FROM teams_channel WHERE channel_id = ?")
                        .params(TeamsPayloads.TEAM)
                        .query(String.class)
                        .single())
                .isEqualTo(CONNECTOR.url());
        List<FakeBotConnector.Call> welcome = CONNECTOR.postedTo(TeamsPayloads.TEAM);
        assertThat(welcome).hasSize(1);
        assertThat(welcome.get(0).text()).contains("**@Trust Pulse pulse setup**");
        assertThat(welcome.get(0).authorization()).isEqualTo("Bearer " + TestBotCredentials.ACCESS_TOKEN);
    }

    @Test
    void aReplyUnderAChannelPostGoesIntoItsThreadAsAReplyToThatActivity() throws Exception {
        post(PAYLOADS.botAddedToTeam("29:olga"));
        CONNECTOR.reset();
        MessageRef quote = gateway.postToChannel(
                new ChannelAddress(Platform.TEAMS, TeamsPayloads.TENANT, TeamsPayloads.TEAM),
                ChatMessage.text("Anonymous feedback"));

        gateway.replyInThread(quote, ChatMessage.text("**Lee:** we're on it."));

        List<FakeBotConnector.Call> posted = CONNECTOR.postedTo(TeamsPayloads.TEAM);
        assertThat(posted).hasSize(2);
        assertThat(quote.messageId()).isNotBlank();
        assertThat(posted.get(1).path()).endsWith("/activities/" + quote.messageId());
        assertThat(posted.get(1).body().path("replyToId").asText()).isEqualTo(quote.messageId());
    }

    @Test
    void removingTheBotFromATeamForgetsTheTeamAndItsChannels() throws Exception {
        post(PAYLOADS.botAddedToTeam("29:olga"));
        post(PAYLOADS.botRemovedFromTeam("29:olga"));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM teams_team")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM teams_channel")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aPersonalInstallStoresTheUsersConversationReference() throws Exception {
        post(PAYLOADS.personalInstall("29:mia", "Mia Member"));

        assertThat(jdbc.sql("SELECT conversation_id FROM teams_user WHERE user_id = ?")
                        .params("29:mia")
                        .query(String.class)
                        .single())
                .isEqualTo("a:chat-29:mia");
        assertThat(CONNECTOR.postedTo("a:chat-29:mia")).hasSize(1);
    }

    @Test
    void aChannelCommandReachesTheCoreWithMentionsAsUserIdsAndTheOwnerFlag() throws Exception {
        post(PAYLOADS.botAddedToTeam("29:olga"));
        CONNECTOR.reset();
        CONNECTOR.owner(TeamsPayloads.GROUP, TeamsPayloads.aadObjectId("29:olga"));
        when(inbox.command(any())).thenReturn(ChatMessage.text("Team set up."));

        String id = TeamsPayloads.nextId();
        post(PAYLOADS.channelMessage(id, "29:olga", "Olga Owner", "pulse setup", Map.of("29:lea", "Lea Leader")));

        ArgumentCaptor<CommandRequest> request = ArgumentCaptor.forClass(CommandRequest.class);
        verify(inbox).command(request.capture());
        assertThat(request.getValue().text()).isEqualTo("setup <@29:lea>");
        assertThat(request.getValue().channelId()).contains(TeamsPayloads.TEAM);
        assertThat(request.getValue().sender().workspaceAdmin()).isTrue();
        assertThat(request.getValue().sender().workspaceId()).isEqualTo(TeamsPayloads.TENANT);
        // Named by the activity, so a run of it again after a crash is known as the same request.
        assertThat(request.getValue().requestKey())
                .contains("teams-"
                        + java.util.UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        FakeBotConnector.Call reply = CONNECTOR.posted().get(0);
        assertThat(reply.path()).endsWith("/activities/" + id);
        assertThat(reply.text()).isEqualTo("Team set up.");
    }

    @Test
    void theWordPulseIsOptionalAfterTheMentionAndMembersAreNotOwners() throws Exception {
        when(inbox.command(any())).thenReturn(ChatMessage.text("ok"));

        post(PAYLOADS.channelMessage(TeamsPayloads.nextId(), "29:mia", "Mia Member", "status", Map.of()));

        ArgumentCaptor<CommandRequest> request = ArgumentCaptor.forClass(CommandRequest.class);
        verify(inbox).command(request.capture());
        assertThat(request.getValue().text()).isEqualTo("status");
        assertThat(request.getValue().sender().workspaceAdmin()).isFalse();
    }

    @Test
    void inThePersonalChatTypedTextIsADirectMessageAndPulseWordsAreACommand() throws Exception {
        when(inbox.directMessage(any(), any())).thenReturn(ChatMessage.text("Recorded: Freedom 4"));
        when(inbox.command(any())).thenReturn(ChatMessage.text("Your status"));

        post(PAYLOADS.personalMessage(TeamsPayloads.nextId(), "29:mia", "Mia Member", "freedom 4"));
        post(PAYLOADS.personalMessage(TeamsPayloads.nextId(), "29:mia", "Mia Member", "pulse optout"));

        verify(inbox).directMessage(any(), eq("freedom 4"));
        ArgumentCaptor<CommandRequest> request = ArgumentCaptor.forClass(CommandRequest.class);
        verify(inbox).command(request.capture());
        assertThat(request.getValue().text()).isEqualTo("optout");
        assertThat(request.getValue().channelId()).isEmpty();
        assertThat(CONNECTOR.postedTo("a:chat-29:mia"))
                .extracting(FakeBotConnector.Call::text)
                .containsExactly("Recorded: Freedom 4", "Your status");
    }

    @Test
    void aCardSubmitBecomesOneInteractionPerChosenScoreAndOneForTheComment() throws Exception {
        when(inbox.interaction(any())).thenReturn(Optional.empty());

        post(PAYLOADS.cardSubmit(
                TeamsPayloads.nextId(),
                "29:mia",
                "Mia Member",
                "a:chat-29:mia",
                "msg-card",
                Map.of(
                        "tp_scale:answer:7:TRUST:", "4",
                        "tp_scale:answer:7:SAFETY:", "2",
                        "tp_scale:answer:7:VISION:", "",
                        "tp_input:comment:7:TRUST", "  more room please ",
                        "tp_submit", "answers")));

        ArgumentCaptor<Interaction> clicks = ArgumentCaptor.forClass(Interaction.class);
        verify(inbox, times(3)).interaction(clicks.capture());
        assertThat(clicks.getAllValues())
                .extracting(Interaction::action)
                .containsExactlyInAnyOrder("answer:7:TRUST:4", "answer:7:SAFETY:2", "comment:7:TRUST");
        assertThat(clicks.getAllValues().get(2).action()).isEqualTo("comment:7:TRUST");
        assertThat(clicks.getAllValues().get(2).input()).contains("more room please");
        assertThat(clicks.getAllValues().get(0).message())
                .contains(new MessageRef(Platform.TEAMS, TeamsPayloads.TENANT, "a:chat-29:mia", "msg-card"));
    }

    @Test
    void aDuplicateActivityIsHandledOnce() throws Exception {
        when(inbox.directMessage(any(), any())).thenReturn(ChatMessage.text("Recorded"));
        String same = PAYLOADS.personalMessage(TeamsPayloads.nextId(), "29:mia", "Mia Member", "trust 5");

        assertThat(post(same)).isEqualTo(200);
        assertThat(post(same)).isEqualTo(200);

        verify(inbox, times(1)).directMessage(any(), any());
        assertThat(CONNECTOR.postedTo("a:chat-29:mia")).hasSize(1);
    }

    @Test
    void membersJoiningAndLeavingTheTeamAreHandedToTheCoreWithWhoMadeTheChange() throws Exception {
        post(PAYLOADS.botAddedToTeam("29:olga"));

        CONNECTOR.roster(
                TeamsPayloads.TEAM,
                10,
                List.of(Map.of("id", "29:noor", "name", "Noor New"), Map.of("id", "29:olga", "name", "Olga Owner")));
        post(PAYLOADS.memberAdded("29:noor"));
        post(PAYLOADS.memberRemoved("29:mia"));
        post(PAYLOADS.memberLeftThemselves("29:max"));

        ChatUser olga = new ChatUser("29:olga", "Olga Owner", Optional.empty());
        ArgumentCaptor<ChannelChange> joined = ArgumentCaptor.forClass(ChannelChange.class);
        verify(inbox)
                .membersJoined(joined.capture(), eq(List.of(new ChatUser("29:noor", "Noor New", Optional.empty()))));
        assertThat(joined.getValue().by()).contains(olga);
        ArgumentCaptor<ChannelChange> removed = ArgumentCaptor.forClass(ChannelChange.class);
        verify(inbox).membersLeft(removed.capture(), eq(List.of("29:mia")));
        assertThat(removed.getValue().by()).contains(olga);
        ArgumentCaptor<ChannelChange> left = ArgumentCaptor.forClass(ChannelChange.class);
        verify(inbox).membersLeft(left.capture(), eq(List.of("29:max")));
        assertThat(left.getValue().by()).as("left on their own").isEmpty();
        for (ChannelChange c : List.of(joined.getValue(), removed.getValue(), left.getValue())) {
            assertThat(c.platform()).isEqualTo(Platform.TEAMS);
            assertThat(c.workspaceId()).isEqualTo(TeamsPayloads.TENANT);
            assertThat(c.channelId()).isEqualTo(TeamsPayloads.TEAM);
            assertThat(c.key()).hasValueSatisfying(k -> assertThat(k).startsWith("teams:activity:"));
        }
        assertThat(List.of(
                        joined.getValue().key(),
                        removed.getValue().key(),
                        left.getValue().key()))
                .as("one key per activity")
                .doesNotHaveDuplicates();
    }

    @Test
    void aMissingTokenIsRejectedAndChangesNothing() throws Exception {
        assertThat(post(PAYLOADS.botAddedToTeam("29:olga"), null)).isEqualTo(401);

        assertRejectedWithoutEffect();
    }

    @Test
    void forgedTokensAreRejectedAndChangeNothing() throws Exception {
        String url = CONNECTOR.url();
        String install = PAYLOADS.botAddedToTeam("29:olga");

        assertThat(post(install, "Bearer " + TOKENS.forgedSignature("test-app-id", url)))
                .isEqualTo(401);
        assertThat(post(install, "Bearer " + TOKENS.unsigned("test-app-id", url)))
                .isEqualTo(401);
        assertThat(post(install, "Bearer " + TOKENS.otherAudience(url))).isEqualTo(401);
        assertThat(post(install, "Bearer " + TOKENS.valid("test-app-id", "https://evil.example/")))
                .isEqualTo(401);
        assertThat(post(install, "Bearer not-a-token")).isEqualTo(401);
        assertThat(post(install, "Basic dXNlcjpwYXNz")).isEqualTo(401);

        assertRejectedWithoutEffect();
    }

    @Test
    void theSameRequestWithAValidTokenIsAccepted() throws Exception {
        assertThat(post(PAYLOADS.botAddedToTeam("29:olga"))).isEqualTo(200);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM teams_team")
                        .query(Integer.class)
                        .single())
                .isOne();
    }

    @Test
    void aCheckInToSomeoneWhoNeverTalkedToTheBotOpensAChatAndSendsAnAdaptiveCard() throws Exception {
        post(PAYLOADS.botAddedToTeam("29:olga"));
        CONNECTOR.reset();

        MessageRef ref =
                gateway.sendDirect(new DirectAddress(Platform.TEAMS, TeamsPayloads.TENANT, "29:mia"), checkIn());

        FakeBotConnector.Call created = CONNECTOR.createdChats().get(0);
        assertThat(created.body().path("tenantId").asText()).isEqualTo(TeamsPayloads.TENANT);
        assertThat(created.body().path("isGroup").asBoolean()).isFalse();
        assertThat(created.body().path("bot").path("id").asText()).isEqualTo(TeamsPayloads.BOT);
        assertThat(created.body().path("members").path(0).path("id").asText()).isEqualTo("29:mia");
        JsonNode card = CONNECTOR.postedTo("a:chat-29:mia").get(0).card();
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        List<String> inputs = new ArrayList<>();
        card.path("body")
                .forEach(e ->
                        inputs.add(e.path("type").asText() + " " + e.path("id").asText()));
        assertThat(inputs).contains("Input.ChoiceSet tp_scale:answer:7:TRUST:", "Input.Text tp_input:comment:7:TRUST");
        assertThat(card.path("actions").path(0).path("type").asText()).isEqualTo("Action.Submit");
        assertThat(ref)
                .isEqualTo(new MessageRef(Platform.TEAMS, TeamsPayloads.TENANT, "a:chat-29:mia", ref.messageId()));

        gateway.update(ref, checkIn());
        assertThat(CONNECTOR.updates())
                .singleElement()
                .satisfies(u -> assertThat(u.path()).endsWith("/activities/" + ref.messageId()));
    }

    @Test
    void aBurstOf429IsRetriedUntilDeliveredWithoutLosingOrDoublingAMessage() throws Exception {
        post(PAYLOADS.botAddedToTeam("29:olga"));
        CONNECTOR.reset();
        CONNECTOR.failNext(4, 429);

        for (String user : List.of("29:a", "29:b", "29:c")) {
            gateway.sendDirect(
                    new DirectAddress(Platform.TEAMS, TeamsPayloads.TENANT, user), ChatMessage.text("hello " + user));
        }

        assertThat(CONNECTOR.rejectedCount()).isEqualTo(4);
        assertThat(CONNECTOR.posted())
                .extracting(FakeBotConnector.Call::text)
                .containsExactly("hello 29:a", "hello 29:b", "hello 29:c");
    }

    @Test
    void channelMembersAreReadFromEveryPageOfTheRoster() throws Exception {
        post(PAYLOADS.botAddedToTeam("29:olga"));
        CONNECTOR.roster(
                TeamsPayloads.TEAM,
                2,
                List.of(
                        Map.of("id", "29:olga", "name", "Olga Owner"),
                        Map.of("id", "29:lea", "name", "Lea Leader"),
                        Map.of("id", "29:mia", "name", "Mia Member"),
                        Map.of("id", "29:sam", "name", "Sam Member"),
                        Map.of("id", "29:tom", "name", "Tom Member")));

        List<ChatUser> members =
                gateway.channelMembers(new ChannelAddress(Platform.TEAMS, TeamsPayloads.TENANT, TeamsPayloads.TEAM));

        assertThat(members)
                .extracting(ChatUser::userId)
                .containsExactly("29:olga", "29:lea", "29:mia", "29:sam", "29:tom");
    }

    private void assertRejectedWithoutEffect() {
        verifyNoInteractions(inbox);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM teams_team")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(CONNECTOR.calls()).isEmpty();
    }

    private static ChatMessage checkIn() {
        return new ChatMessage(
                "Your check-in",
                List.of(
                        new Block.Text("Three quick ones this week."),
                        new Block.Scale(
                                "My leader lets go.", "answer:7:TRUST:", TestScales.agreement(), Optional.of("4")),
                        new Block.Buttons(List.of(Button.withInput(
                                "Add a comment",
                                "comment:7:TRUST",
                                new Button.InputRequest("Comment", "Anything to add?", "Save", 1000)))),
                        new Block.Scale(
                                "I can speak up.", "answer:7:SAFETY:", TestScales.agreement(), Optional.empty())));
    }

    private int post(String body) throws IOException, InterruptedException {
        String serviceUrl = CONNECTOR.url();
        return post(body, "Bearer " + TOKENS.valid("test-app-id", serviceUrl));
    }

    private int post(String body, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        QueuedWork.awaitDone(jdbc);
        return status;
    }

    private static FakeBotConnector start() {
        try {
            return new FakeBotConnector();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
