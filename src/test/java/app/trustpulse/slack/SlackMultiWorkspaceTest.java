package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.inbound.CommandRequest;
import app.trustpulse.pulse.Platform;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Multi-workspace mode: OAuth install, encrypted tokens, token rotation, uninstall and revocation. */
@SpringBootTest(
        classes = SlackAdapterTest.AdapterOnly.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackMultiWorkspaceTest {

    static final String SECRET = "multi-signing-secret";
    static final byte[] KEY = new byte[32];
    static final FakeSlack SLACK = start();

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) (i * 7 + 3);
        }
    }

    static FakeSlack start() {
        try {
            return new FakeSlack()
                    .token("xoxe.xoxb-1-FIRST", "T0NEW")
                    .token("xoxe.xoxb-1-ROTATED", "T0NEW")
                    .user("UINST", "Ines", "Europe/Amsterdam", true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        SlackTestSettings.properties(
                r,
                "slack-multi",
                SLACK,
                Map.of(
                        "client-id",
                        "1111.2222",
                        "client-secret",
                        "client-secret",
                        "signing-secret",
                        SECRET,
                        "token-encryption-key",
                        Base64.getEncoder().encodeToString(KEY)));
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
    JdbcClient jdbc;

    @Autowired
    SlackGateway gateway;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void clean() {
        jdbc.sql("DELETE FROM slack_installation").update();
    }

    @Test
    void anOAuthInstallStoresTheBotTokenEncrypted() throws Exception {
        install(60 * 60 * 12);

        Map<String, Object> row =
                jdbc.sql("SELECT * FROM slack_installation").query().singleRow();
        assertThat(row.get("workspace_id")).isEqualTo("T0NEW");
        assertThat(row.get("installer_user_id")).isEqualTo("UINST");
        String stored = (String) row.get("bot_token_enc");
        assertThat(stored).startsWith("v1:").doesNotContain("xoxe.xoxb-1-FIRST");
        assertThat(new TokenCipher(KEY).decrypt(stored, "T0NEW")).isEqualTo("xoxe.xoxb-1-FIRST");
        assertThat((String) row.get("bot_refresh_token_enc")).doesNotContain("xoxe-1-REFRESH");

        // that workspace can now be reached with its own token
        gateway.postToChannel(new ChannelAddress(Platform.SLACK, "T0NEW", "C0NEW"), ChatMessage.text("hello"));
        assertThat(SLACK.calls("chat.postMessage"))
                .last()
                .extracting(FakeSlack.Call::token)
                .isEqualTo("xoxe.xoxb-1-FIRST");
    }

    @Test
    void anInstallWithAForgedStateStoresNothing() throws Exception {
        HttpResponse<String> start = get("/slack/install", null);
        String state = cookieState(start);
        SLACK.oauthAccess(access("xoxe.xoxb-1-FIRST", 43_200));

        HttpResponse<String> done =
                get("/slack/oauth_redirect?code=abc&state=forged-" + state, "slack-app-oauth-state=" + state);

        assertThat(done.body()).doesNotContain("Thank you");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM slack_installation")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aTokenAboutToExpireIsRotatedBeforeSendingAndSavedAgainEncrypted() throws Exception {
        install(60);
        SLACK.oauthAccess(access("xoxe.xoxb-1-ROTATED", 43_200));

        gateway.postToChannel(new ChannelAddress(Platform.SLACK, "T0NEW", "C0NEW"), ChatMessage.text("hello"));

        assertThat(SLACK.calls("oauth.v2.access")).anyMatch(c -> "refresh_token".equals(c.param("grant_type")));
        assertThat(SLACK.calls("chat.postMessage"))
                .last()
                .extracting(FakeSlack.Call::token)
                .isEqualTo("xoxe.xoxb-1-ROTATED");
        String stored = jdbc.sql("SELECT bot_token_enc FROM slack_installation WHERE workspace_id = 'T0NEW'")
                .query(String.class)
                .single();
        assertThat(new TokenCipher(KEY).decrypt(stored, "T0NEW")).isEqualTo("xoxe.xoxb-1-ROTATED");
    }

    @Test
    void aCommandFromAnInstalledWorkspaceRunsWithThatWorkspacesToken() throws Exception {
        install(60 * 60 * 12);
        when(inbox.command(any())).thenReturn(ChatMessage.text("help text"));
        SlackClientSim slack = new SlackClientSim(port, SECRET, "T0NEW");

        assertThat(slack.postForm(slack.slashCommand("UINST", "C0NEW", "help", SLACK.hookUrl("multi-help")))
                        .statusCode())
                .isEqualTo(200);

        ArgumentCaptor<CommandRequest> req = ArgumentCaptor.forClass(CommandRequest.class);
        verify(inbox, timeout(10_000)).command(req.capture());
        assertThat(req.getValue().sender().workspaceId()).isEqualTo("T0NEW");
        assertThat(SLACK.calls("users.info"))
                .last()
                .extracting(FakeSlack.Call::token)
                .isEqualTo("xoxe.xoxb-1-FIRST");
        assertThat(SLACK.awaitHook("multi-help").body().get("text").getAsString())
                .isEqualTo("help text");
    }

    @Test
    void uninstallingRemovesTheWorkspacesTokens() throws Exception {
        install(60 * 60 * 12);
        SlackClientSim slack = new SlackClientSim(port, SECRET, "T0NEW");

        HttpResponse<String> r = slack.postJson(slack.event(
                "Ev0UNINST1", SlackClientSim.obj("type", "app_uninstalled", "event_ts", "1700000500.000100")));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM slack_installation")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void revokingTheBotTokenRemovesIt() throws Exception {
        install(60 * 60 * 12);
        SlackClientSim slack = new SlackClientSim(port, SECRET, "T0NEW");
        JsonObject event = SlackClientSim.obj("type", "tokens_revoked", "event_ts", "1700000600.000100");
        JsonObject tokens = new JsonObject();
        tokens.add("oauth", new com.google.gson.JsonArray());
        com.google.gson.JsonArray bot = new com.google.gson.JsonArray();
        bot.add("UBOTNEW");
        tokens.add("bot", bot);
        event.add("tokens", tokens);

        assertThat(slack.postJson(slack.event("Ev0REVOKE1", event)).statusCode())
                .isEqualTo(200);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM slack_installation")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private void install(int expiresIn) throws Exception {
        HttpResponse<String> start = get("/slack/install", null);
        assertThat(start.statusCode()).isEqualTo(200);
        String state = cookieState(start);
        assertThat(start.body())
                .contains(SLACK.apiUrl().replace("/api/", "") + "/oauth/v2/authorize?client_id=1111.2222")
                .contains(
                        "scope=commands%2Cchat%3Awrite%2Cim%3Awrite%2Cim%3Ahistory%2Cusers%3Aread%2Cchannels%3Aread%2Cgroups%3Aread")
                .contains("state=" + state);
        SLACK.oauthAccess(access("xoxe.xoxb-1-FIRST", expiresIn));

        HttpResponse<String> done =
                get("/slack/oauth_redirect?code=abc&state=" + state, "slack-app-oauth-state=" + state);

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(SLACK.calls("oauth.v2.access")).anyMatch(c -> "abc".equals(c.param("code")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM slack_installation")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private static JsonObject access(String token, int expiresIn) {
        JsonObject o = SlackClientSim.obj(
                "ok",
                true,
                "access_token",
                token,
                "token_type",
                "bot",
                "scope",
                String.join(",", SlackConfiguration.BOT_SCOPES),
                "bot_user_id",
                "UBOTNEW",
                "app_id",
                "A0APP",
                "is_enterprise_install",
                false,
                "refresh_token",
                "xoxe-1-REFRESH",
                "expires_in",
                expiresIn);
        o.add("team", SlackClientSim.obj("id", "T0NEW", "name", "New Co"));
        o.add("authed_user", SlackClientSim.obj("id", "UINST"));
        return o;
    }

    private static String cookieState(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        Matcher m = Pattern.compile("slack-app-oauth-state=([^;]+)").matcher(String.join("\n", cookies));
        assertThat(m.find()).as("state cookie in " + cookies).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
