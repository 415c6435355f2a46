package app.trustpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.support.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The service's edges as a browser, a proxy or a stranger meets them, over HTTP against the running service: an
 * address whose query string does not decode is a 400 and no error in the log; dashboard pages allow no inline
 * script or style and send no referrer to other sites; the session cookie is SameSite=Lax, and Secure when the proxy
 * in front says the request came over https; health is open, build and metrics only for the service's admins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pulse.admins=slack:UADMIN")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class DashboardEdgesTest {

    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\S+\\s+ERROR ");
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");
    /** An inline script or style, or an event handler attribute: what the content security policy would block. */
    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\ssrc=)[^>]*>|<style[\\s>]|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    TeamRepository teams;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private long demoTeam;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = "jdbc:h2:mem:dashboard-edges-" + UUID.randomUUID() + TestDatabases.H2_FLAGS + ";DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.quartz.auto-startup", () -> "false");
    }

    @BeforeAll
    void aDemoTeam() throws Exception {
        HttpSession anyone = new HttpSession(port);
        assertThat(anyone.postJson("/playground/api/demo", "{\"language\":\"en\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(anyone.postJson("/playground/api/simulate", "{}").statusCode())
                .isEqualTo(200);
        demoTeam = teams.findByChannel(Platform.PLAYGROUND, "demo", "team")
                .orElseThrow()
                .id();
    }

    @Test
    void anAddressWhoseQueryStringDoesNotDecodeIsA400AndNoErrorInTheLog(CapturedOutput output) throws Exception {
        for (String target : List.of(
                "/dashboard/login?x=%ff",
                "/dashboard/login?lang=%ff",
                "/dashboard/login?x=%zz",
                "/dashboard/login?x=%",
                "/dashboard?x=%ff",
                "/actuator/health?x=%ff",
                "/actuator/health/liveness?x=%C3%28",
                "/actuator/info?x=%ff",
                "/dashboard/%ff")) {
            assertThat(statusOf(target)).as(target).isEqualTo(400);
        }
        assertThat(statusOf("/dashboard/login?lang=nl"))
                .as("a query string that decodes")
                .isEqualTo(200);

        assertThat(ERROR_LINE.matcher(output.getAll()).find())
                .as("an ERROR line in the log")
                .isFalse();
        assertThat(STACK_FRAME.matcher(output.getAll()).find())
                .as("a stack trace in the log")
                .isFalse();
    }

    @Test
    void dashboardPagesAllowNoInlineScriptOrStyleAndSendNoReferrerToOtherSites() throws Exception {
        HttpSession ada = new HttpSession(port);
        HttpResponse<String> login = ada.get("/dashboard/login");
        ada.signInAs("ada");
        List<HttpResponse<String>> pages = List.of(
                login,
                ada.get("/dashboard"),
                ada.get("/dashboard/teams/" + demoTeam),
                ada.get("/dashboard/teams/" + demoTeam + "/settings"));

        for (HttpResponse<String> page : pages) {
            String path = page.uri().getPath();
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue(DashboardSecurity.CONTENT_SECURITY_POLICY);
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(INLINE.matcher(page.body()).results().map(m -> m.group()))
                    .as("inline code on %s", path)
                    .isEmpty();
        }
        assertThat(DashboardSecurity.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self';", "style-src 'self';")
                .doesNotContain("unsafe");
    }

    @Test
    void anUnknownAddressGetsAPageInTheDashboardsLookInTheVisitorsLanguage() throws Exception {
        HttpSession stranger = new HttpSession(port);
        HttpResponse<String> dutch = stranger.getPage("/no-such-page", "nl-NL,nl;q=0.9");
        assertThat(dutch.statusCode()).isEqualTo(404);
        assertThat(dutch.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(dutch.body())
                .contains(
                        "lang=\"nl\"",
                        "Pagina niet gevonden",
                        "Foutcode 404",
                        "href=\"/dashboard\"",
                        "/dashboard-assets/dashboard.css")
                .doesNotContain("Whitelabel", "Not Found");
        assertThat(INLINE.matcher(dutch.body()).find())
                .as("inline code on the error page")
                .isFalse();

        HttpSession ada = new HttpSession(port).signInAs("ada");
        HttpResponse<String> english = ada.getPage("/dashboard/no-such-page", "en");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body())
                .contains("Page not found", "Back to the dashboard")
                .doesNotContain("Whitelabel");
        assertThat(english.headers().firstValue("Content-Security-Policy"))
                .hasValue(DashboardSecurity.CONTENT_SECURITY_POLICY);

        HttpResponse<String> unreadable = ada.getPage("/dashboard/teams/not-a-number", "en");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body())
                .contains("This request could not be read", "Error 400")
                .doesNotContain("Whitelabel");
        HttpResponse<String> badRange = ada.getPage("/dashboard/teams/" + demoTeam + "?weeks=many", "nl");
        assertThat(badRange.statusCode()).isEqualTo(400);
        assertThat(badRange.body()).contains("Dit verzoek kon niet worden gelezen");
    }

    @Test
    void thePlatformEndpointsKeepAnsweringErrorsAsDataNotAsAPage() throws Exception {
        for (String path : List.of("/slack/no-such-endpoint", "/api/messages/nothing", "/actuator/no-such-endpoint")) {
            HttpResponse<String> bot = send("GET", path, Map.of());
            assertThat(bot.statusCode()).as(path).isEqualTo(404);
            assertThat(bot.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(bot.body())
                    .as(path)
                    .contains("\"status\":404")
                    .doesNotContain("<html", "trust-pulse", "Trust Pulse");
            HttpResponse<String> browser = send("GET", path, Map.of("Accept", "text/html"));
            assertThat(browser.body()).as("%s in a browser", path).doesNotContain("Page not found", "dashboard.css");
        }
        HttpResponse<String> getOnTheBotEndpoint = send("GET", "/api/messages", Map.of());
        assertThat(getOnTheBotEndpoint.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(getOnTheBotEndpoint.body()).doesNotContain("<html");
    }

    @Test
    void theSessionCookieIsLaxAndSecureOnlyWhenTheProxyInFrontSaysHttps() throws Exception {
        String plain = sessionCookie(Map.of());
        String behindTls = sessionCookie(Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "pulse.example.com"));

        assertThat(plain)
                .startsWith("JSESSIONID=")
                .containsIgnoringCase("; SameSite=Lax")
                .containsIgnoringCase("; HttpOnly")
                .doesNotContainIgnoringCase("secure");
        assertThat(behindTls)
                .startsWith("JSESSIONID=")
                .containsIgnoringCase("; SameSite=Lax")
                .containsIgnoringCase("; Secure");
    }

    @Test
    void healthIsOpenWhileBuildAndMetricsAreForTheServicesAdminsOnly() throws Exception {
        for (String open : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(send("GET", open, Map.of()).statusCode()).as(open).isEqualTo(200);
        }
        HttpSession ada = new HttpSession(port).signInAs("ada");
        for (String closed : List.of("/actuator/info", "/actuator/prometheus", "/actuator")) {
            HttpResponse<String> stranger = send("GET", closed, Map.of());
            assertThat(stranger.statusCode()).as(closed).isEqualTo(302);
            assertThat(stranger.headers().firstValue("Location"))
                    .as(closed)
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/login"));
            // Anyone can be a playground admin while the playground is on: that is no admin of the service.
            assertThat(ada.get(closed).statusCode())
                    .as("%s for a playground admin", closed)
                    .isEqualTo(403);
        }

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        assertThat(mvc.perform(get("/actuator/info").with(authentication(slackSignIn("UADMIN"))))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("a service admin signed in with Slack")
                .isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/prometheus").with(authentication(slackSignIn("UADMIN"))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("trustpulse_");
        assertThat(mvc.perform(get("/actuator/info").with(authentication(slackSignIn("UMEMBER"))))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("someone else signed in with Slack")
                .isEqualTo(403);
    }

    private static OAuth2AuthenticationToken slackSignIn(String userId) {
        Map<String, Object> claims = Map.of("sub", userId, Viewers.SLACK_USER, userId, Viewers.SLACK_TEAM, "T9");
        OidcIdToken id =
                new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60), claims);
        return new OAuth2AuthenticationToken(
                new DefaultOidcUser(AuthorityUtils.NO_AUTHORITIES, id, "sub"),
                AuthorityUtils.NO_AUTHORITIES,
                SignInProviders.SLACK);
    }

    /** The session cookie a stranger gets on a dashboard page (the page is remembered for after the sign-in). */
    private String sessionCookie(Map<String, String> headers) throws Exception {
        HttpResponse<String> r = send("GET", "/dashboard", headers);
        assertThat(r.statusCode()).isEqualTo(302);
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no session cookie: " + r.headers().map()));
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The status of a GET sent byte for byte as given: no client library would send {@code %zz} or a lone {@code %}.
     */
    private int statusOf(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            String status = line.toString(StandardCharsets.ISO_8859_1);
            assertThat(status).as("status line for %s", target).startsWith("HTTP/1.1 ");
            in.transferTo(OutputStream.nullOutputStream());
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
