package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.chat.ProcessedEvents;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.inbound.CommandRequest;
import app.trustpulse.inbound.Interaction;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Platform;
import app.trustpulse.support.InMemoryProcessedEvents;
import app.trustpulse.work.WorkConfig;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
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
 * The adapter over Socket Mode: with an app-level token and no signing secret, the app asks the fake Web API for a
 * WebSocket URL, connects to a fake Socket Mode server, and handles the same commands, clicks and events as over
 * the request URL, acknowledging each envelope; it reconnects by itself when asked to and when the line drops.
 */
@SpringBootTest(
        classes = SlackSocketModeTest.AdapterOnly.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackSocketModeTest {

    static final String TEAM = "T0SOCK";
    static final FakeSocketModeServer SOCKET = new FakeSocketModeServer().begin();
    static final FakeSlack SLACK = start();

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
                    .token("xoxb-socket", TEAM)
                    .token("xapp-1-A0APP-1-abc", TEAM)
                    .user("UADMIN", "Ada", "Europe/Amsterdam", true)
                    .user("UMEM", "Mo", "America/New_York", false)
                    .channel("C0TEAM", "UADMIN", "UMEM")
                    .socketMode(SOCKET::nextUrl);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry r) {
        SlackTestSettings.properties(
                r, "slack-socket", SLACK, Map.of("bot-token", "xoxb-socket", "app-token", "xapp-1-A0APP-1-abc"));
    }

    @AfterAll
    static void stop() {
        SLACK.close();
        SOCKET.close();
    }

    @LocalServerPort
    int port;

    @MockitoBean
    ChatInbox inbox;

    final SlackClientSim payloads = new SlackClientSim(0, "unused", TEAM);

    @BeforeEach
    void setUp() {
        reset(inbox);
    }

    @org.springframework.beans.factory.annotation.Autowired
    SlackDoctor doctor;

    @Test
    void theDoctorSeesTheSocketOpenAndEveryScopeGranted() {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> doctor.socketMode()
                        .filter(app.trustpulse.doctor.Finding::ok)
                        .isPresent());
        assertThat(doctor.scopes(Optional.of(TEAM)))
                .hasValueSatisfying(f -> assertThat(f.ok()).isTrue());
    }

    @Test
    void aSlashCommandOverTheSocketIsAcknowledgedAndAnsweredLikeOverHttp() {
        when(inbox.command(any())).thenReturn(ChatMessage.text("Mo is now a leader of *team-rocket*."));

        String envelope = SOCKET.send(
                "slash_commands",
                formAsJson(payloads.slashCommand("UADMIN", "C0TEAM", "leader <@UMEM|mo>", SLACK.hookUrl("sock-cmd"))));

        assertThat(SOCKET.awaitAck(envelope).get("envelope_id").getAsString()).isEqualTo(envelope);
        ArgumentCaptor<CommandRequest> req = ArgumentCaptor.forClass(CommandRequest.class);
        verify(inbox, timeout(10_000)).command(req.capture());
        // With the request's id, the same on every run of the request.
        assertThat(req.getValue())
                .isEqualTo(new CommandRequest(
                                new Sender(Platform.SLACK, TEAM, "UADMIN", "Ada", true),
                                Optional.of("C0TEAM"),
                                "leader <@UMEM>")
                        .withRequestKey(req.getValue().requestKey().orElseThrow()));
        FakeSlack.Hook answer = SLACK.awaitHook("sock-cmd");
        assertThat(answer.body().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(answer.body().get("text").getAsString()).isEqualTo("Mo is now a leader of *team-rocket*.");
    }

    @Test
    void anEventSlackDeliversTwiceOverTheSocketIsHandledOnceAndBothAreAcknowledged() {
        when(inbox.directMessage(any(), anyString())).thenReturn(ChatMessage.text("Recorded: freedom 4."));
        JsonObject event = JsonParser.parseString(
                        payloads.event("Ev0SOCK01", SlackClientSim.imMessage("UMEM", "D0SOCK", "freedom 4")))
                .getAsJsonObject();

        String first = SOCKET.send("events_api", event);
        String retry = SOCKET.send("events_api", event);

        SOCKET.awaitAck(first);
        SOCKET.awaitAck(retry);
        verify(inbox, timeout(10_000))
                .directMessage(new Sender(Platform.SLACK, TEAM, "UMEM", "Mo", false), "freedom 4");
        SLACK.awaitCall("chat.postMessage", c -> "D0SOCK".equals(c.param("channel")));
        verify(inbox).directMessage(any(), anyString());
        assertThat(SLACK.posted("D0SOCK")).hasSize(1);
    }

    @Test
    void aClickOverTheSocketReachesTheCoreWithItsMessage() {
        when(inbox.interaction(any())).thenReturn(Optional.of(ChatMessage.text("Thanks, 4 recorded.")));

        String envelope = SOCKET.send(
                "interactive",
                payloadAsJson(payloads.blockAction(
                        "UMEM",
                        "D0MEM",
                        "1700000000.000900",
                        "tp:scale:1:4",
                        "answer:9:FREEDOM:4",
                        SLACK.hookUrl("sock-click"),
                        null)));

        SOCKET.awaitAck(envelope);
        ArgumentCaptor<Interaction> i = ArgumentCaptor.forClass(Interaction.class);
        verify(inbox, timeout(10_000)).interaction(i.capture());
        assertThat(i.getValue().action()).isEqualTo("answer:9:FREEDOM:4");
        assertThat(i.getValue().message()).contains(new MessageRef(Platform.SLACK, TEAM, "D0MEM", "1700000000.000900"));
        assertThat(SLACK.awaitHook("sock-click").body().get("text").getAsString())
                .isEqualTo("Thanks, 4 recorded.");
    }

    @Test
    void itReconnectsWhenSlackAsksAndWhenTheConnectionDrops() {
        SOCKET.awaitConnection();
        int urls = SOCKET.urlsHandedOut();
        int connections = SOCKET.connectionsOpened();

        SOCKET.askToReconnect();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> SOCKET.connectionsOpened() > connections);
        assertThat(SOCKET.urlsHandedOut()).isGreaterThan(urls);

        int beforeDrop = SOCKET.connectionsOpened();
        SOCKET.dropConnections();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> SOCKET.connectionsOpened() > beforeDrop);

        // and the new connection carries commands as before
        when(inbox.command(any())).thenReturn(ChatMessage.text("Still here."));
        String envelope = SOCKET.send(
                "slash_commands",
                formAsJson(payloads.slashCommand("UADMIN", "C0TEAM", "status", SLACK.hookUrl("sock-after"))));
        SOCKET.awaitAck(envelope);
        assertThat(SLACK.awaitHook("sock-after").body().get("text").getAsString())
                .isEqualTo("Still here.");
    }

    @Test
    void thePublicRequestUrlIsNotServedInSocketMode() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"type\":\"url_verification\",\"challenge\":\"x\"}"))
                                .header("Content-Type", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isIn(404, 405);
    }

    private static JsonObject formAsJson(String form) {
        JsonObject o = new JsonObject();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            o.addProperty(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return o;
    }

    private static JsonObject payloadAsJson(String form) {
        return JsonParser.parseString(URLDecoder.decode(form.substring("payload=".length()), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }
}
