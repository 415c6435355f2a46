package app.trustpulse.playground;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an operator looks at, on the service with the actuator on a management port of its own (as on Kubernetes):
 * after a week in the playground, {@code /actuator/prometheus} shows the service's own metrics (what was sent,
 * answered, posted, withheld and reacted to, how long the week close took, what work is waiting; by platform and
 * kind, never by team or person); {@code /actuator/info} names the version and the commit; neither is on the
 * application's port; the browser finds a favicon.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ExtendWith(OutputCaptureExtension.class)
class OperatorEndpointsTest {

    private static final Pattern SAMPLE = Pattern.compile("^(trustpulse_[a-z_]+)(?:\\{([^}]*)})? (\\S+)$");
    private static final Set<String> ALLOWED_LABELS = Set.of("platform", "occasion", "reaction", "work");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url =
                "jdbc:h2:mem:playground-metrics-" + UUID.randomUUID() + TestDatabases.H2_FLAGS + ";DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
    }

    @Test
    void aWeekInThePlaygroundShowsUpInThePrometheusMetricsByPlatformOnly() throws Exception {
        Map<String, Double> before = scrape();
        assertThat(before)
                .containsEntry("trustpulse_checkins_sent_total{platform=\"playground\"}", 0.0)
                .containsEntry("trustpulse_deliveries_failed_total{platform=\"slack\"}", 0.0);

        PlaygroundWeek week = new PlaygroundWeek(port);
        week.runsFromSetupToTheLeadersDigest();
        week.leaderTriesTheFirstNudge();
        Map<String, Double> after = scrape();

        // six people, three rounds of send-now: every statement of the week asked
        assertThat(after.get("trustpulse_checkins_sent_total{platform=\"playground\"}"))
                .isGreaterThanOrEqualTo(6.0);
        // every scale clicked, plus the six typed scores
        assertThat(after.get("trustpulse_answers_recorded_total{platform=\"playground\"}"))
                .isGreaterThanOrEqualTo(6 * 6 + 6.0);
        assertThat(after.get("trustpulse_pulses_posted_total{platform=\"playground\"}"))
                .isEqualTo(1.0);
        // Five members answered all six, felt trust included: nothing withheld.
        assertThat(after.get("trustpulse_pulse_dimensions_withheld_total{platform=\"playground\"}"))
                .isZero();
        assertThat(after.get("trustpulse_digests_sent_total{platform=\"playground\"}"))
                .isEqualTo(1.0);
        assertThat(after.get("trustpulse_nudges_sent_total{occasion=\"digest\",platform=\"playground\"}"))
                .isBetween(1.0, 3.0);
        assertThat(after.get("trustpulse_nudge_reactions_total{platform=\"playground\",reaction=\"tried\"}"))
                .isEqualTo(1.0);
        assertThat(after.get("trustpulse_week_close_seconds_count{platform=\"playground\"}"))
                .isEqualTo(1.0);
        assertThat(after.get("trustpulse_week_close_seconds_sum{platform=\"playground\"}"))
                .isPositive();
        assertThat(after)
                .containsKeys(
                        "trustpulse_reminders_sent_total{platform=\"playground\"}",
                        "trustpulse_deliveries_retried_total{platform=\"teams\"}",
                        "trustpulse_rate_limit_waits_seconds_count{platform=\"slack\"}",
                        "trustpulse_week_close_missed_total{platform=\"playground\"}",
                        "trustpulse_work_waiting{platform=\"playground\",work=\"week-close\"}",
                        "trustpulse_work_waiting_oldest_seconds{platform=\"playground\",work=\"check-in\"}");
        assertThat(after.get("trustpulse_deliveries_failed_total{platform=\"playground\"}"))
                .isEqualTo(0.0);

        // never by team or person: only the allowed labels, and no user or team name anywhere in our series
        for (String series : after.keySet()) {
            Matcher m = Pattern.compile("([a-z_]+)=\"").matcher(series);
            while (m.find()) {
                assertThat(ALLOWED_LABELS).as(series).contains(m.group(1));
            }
            assertThat(series).doesNotContain("ada", "lee", "mia", "noah", "sara", "tom", "team\"");
        }

        // the dashboard and the alert rules in manifests/monitoring ask only for series the service exports (a
        // platform's
        // connection only where that platform is configured, which the playground alone is not)
        Set<String> exported = new java.util.HashSet<>();
        after.keySet().forEach(s -> exported.add(s.replaceAll("\\{.*", "")));
        exported.add("trustpulse_platform_connected");
        for (String file : new String[] {"grafana-dashboard.json", "prometheus-rules.yml"}) {
            Matcher used = Pattern.compile("trustpulse_[a-z_]+")
                    .matcher(java.nio.file.Files.readString(java.nio.file.Path.of("manifests/monitoring", file)));
            int found = 0;
            while (used.find()) {
                assertThat(exported).as(file).contains(used.group());
                found++;
            }
            assertThat(found).as(file).isGreaterThan(3);
        }
        assertAlertRulesAreComplete();
    }

    /** Every alert names its expression, severity and summary; the ones the operators asked for are there. */
    @SuppressWarnings("unchecked")
    private static void assertAlertRulesAreComplete() throws Exception {
        Map<String, Object> rules = new org.yaml.snakeyaml.Yaml()
                .load(java.nio.file.Files.readString(
                        java.nio.file.Path.of("manifests/monitoring/prometheus-rules.yml")));
        java.util.List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (Map<String, Object> group : (java.util.List<Map<String, Object>>) rules.get("groups")) {
            all.addAll((java.util.List<Map<String, Object>>) group.get("rules"));
        }
        for (Map<String, Object> rule : all) {
            assertThat(rule).as("%s", rule.get("alert")).containsKeys("alert", "expr", "labels", "annotations");
            assertThat((Map<String, Object>) rule.get("labels")).containsKey("severity");
            assertThat((Map<String, Object>) rule.get("annotations")).containsKey("summary");
        }
        assertThat(all)
                .extracting(r -> (String) r.get("expr"))
                .anySatisfy(e -> assertThat(e)
                        .contains("trustpulse_work_waiting_oldest_seconds")
                        .contains("> 600"))
                .anySatisfy(e -> assertThat(e)
                        .contains("trustpulse_queue_due_oldest_seconds")
                        .contains("> 300"))
                .anySatisfy(e -> assertThat(e).contains("trustpulse_queue_retrying"))
                .anySatisfy(e -> assertThat(e).contains("trustpulse_deliveries_failed_total"))
                .anySatisfy(e -> assertThat(e).contains("trustpulse_week_close_missed_total"));
    }

    @Test
    void theInfoEndpointNamesTheVersionAndTheCommit() throws Exception {
        HttpResponse<String> r = get(managementPort, "/actuator/info");

        assertThat(r.statusCode()).isEqualTo(200);
        tools.jackson.databind.JsonNode info =
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body());
        assertThat(info.path("build").path("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.path("build").path("artifact").asString()).isEqualTo("trust-pulse");
        assertThat(info.path("git").path("commit").path("id").asString()).matches("[0-9a-f]{7,40}");
    }

    @Test
    void theBrowserFindsAFavicon() throws Exception {
        HttpResponse<String> ico = get("/favicon.ico");
        HttpResponse<String> svg = get("/favicon.svg");

        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("icon"));
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.body()).startsWith("<svg");
        assertThat(get("/playground/").body()).contains("href=\"/favicon.svg\"");
    }

    @Test
    void theApplicationsPortServesNoActuatorAndTheManagementPortNeedsNoSignIn(CapturedOutput output) throws Exception {
        for (String path : List.of("/actuator/info", "/actuator/prometheus", "/actuator/health")) {
            assertThat(get(port, path).statusCode())
                    .as("%s on the application's port", path)
                    .isEqualTo(404);
        }
        for (String path : List.of(
                "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info", "/actuator/prometheus")) {
            assertThat(get(managementPort, path).statusCode())
                    .as("%s on the management port", path)
                    .isEqualTo(200);
        }
        int before = output.getAll().length();
        HttpResponse<String> malformed = get(managementPort, "/actuator/health?x=%ff");
        assertThat(malformed.statusCode())
                .as("a query string that does not decode")
                .isEqualTo(400);
        // Only what this request logged: a test context closing meanwhile (its scheduler's cluster check) is not it.
        assertThat(output.getAll()
                        .substring(before)
                        .lines()
                        .filter(l ->
                                Pattern.compile("^\\S+\\s+ERROR ").matcher(l).find())
                        .filter(l -> !l.contains("_ClusterManager")))
                .as("an ERROR line")
                .isEmpty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(port, path);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : r.body().split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches()) {
                samples.put(
                        m.group(1) + (m.group(2) == null ? "" : "{" + m.group(2) + "}"),
                        Double.parseDouble(m.group(3)));
            }
        }
        return samples;
    }
}
