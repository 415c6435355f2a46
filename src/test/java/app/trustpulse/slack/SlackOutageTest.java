package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Application;
import app.trustpulse.support.TestDatabases;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application started while Slack's Web API answers nothing but 503: it starts, says on its health that
 * it runs degraded without Slack (liveness and readiness stay up), serves the playground and the dashboard, keeps a
 * command that comes in meanwhile queued without using up its tries, and, once Slack answers again, connects by
 * itself and answers the command.
 */
// Metrics on a management port of their own, as the Kubernetes manifests run them (no sign-in there).
@SpringBootTest(
        classes = Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class SlackOutageTest {

    static final String SECRET = "outage-signing-secret";
    static final String TEAM = "T0DOWN";
    static final FakeSlack SLACK = start();

    static FakeSlack start() {
        try {
            return new FakeSlack()
                    .token("xoxb-down", TEAM)
                    .user("UADMIN", "Ada", "Europe/Amsterdam", true)
                    .down(true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("slack.bot-token", () -> "xoxb-down");
        r.add("slack.signing-secret", () -> SECRET);
        r.add("slack.api-url", SLACK::apiUrl);
        r.add("slack.first-retry-delay", () -> "20ms");
        r.add("slack.reconnect-max-delay", () -> "1s");
        r.add("pulse.work.first-retry-delay", () -> "200ms");
        r.add("pulse.playground.enabled", () -> "true");
        r.add("pulse.pseudonym-secret", () -> TestDatabases.PSEUDONYM_KEY);
        r.add(
                "spring.datasource.url",
                () -> "jdbc:h2:mem:slack-outage;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void startsDegradedWithoutSlackKeepsItsWorkAndConnectsWhenSlackIsBack() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "DEGRADED".equals(slackHealth()));
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JsonParser.parseString(health.body())
                        .getAsJsonObject()
                        .get("status")
                        .getAsString())
                .isEqualTo("DEGRADED");
        assertThat(get("/actuator/health/liveness").body()).contains("\"UP\"");
        assertThat(get("/actuator/health/readiness").body()).contains("\"UP\"");
        assertThat(get("/actuator/prometheus").body())
                .contains("trustpulse_platform_connected{platform=\"slack\"} 0.0");
        assertThat(get("/playground/api/state").statusCode()).isEqualTo(200);
        HttpResponse<String> dashboard = get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.uri().getPath()).isEqualTo("/dashboard/login");

        SlackClientSim slack = new SlackClientSim(port, SECRET, TEAM);
        HttpResponse<String> ack =
                slack.postForm(slack.slashCommand("UADMIN", "C0TEAM", "help", SLACK.hookUrl("help")));

        assertThat(ack.statusCode()).isEqualTo(200);
        // queued, waiting for Slack without failing: its tries stay untouched however long the outage lasts
        Awaitility.await()
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'slack-request'"
                                        + " AND COALESCE(consecutive_failures, 0) = 0")
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(SLACK.hooks()).isEmpty();

        SLACK.down(false);

        FakeSlack.Hook answer = SLACK.awaitHook("help");
        assertThat(answer.body().get("text").getAsString()).contains("/pulse");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "UP".equals(slackHealth()));
        assertThat(get("/actuator/prometheus").body())
                .contains("trustpulse_platform_connected{platform=\"slack\"} 1.0");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_dead_letter")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String slackHealth() throws Exception {
        JsonObject components = JsonParser.parseString(get("/actuator/health").body())
                .getAsJsonObject()
                .getAsJsonObject("components");
        return components == null || !components.has("slack")
                ? null
                : components.getAsJsonObject("slack").get("status").getAsString();
    }

    private HttpResponse<String> get(String path) throws Exception {
        int to = path.startsWith("/actuator") ? managementPort : port;
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
