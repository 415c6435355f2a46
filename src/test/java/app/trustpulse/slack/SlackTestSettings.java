package app.trustpulse.slack;

import app.trustpulse.support.TestDatabases;
import java.time.Duration;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Settings shared by the tests that run the Slack adapter alone (see {@link SlackAdapterTest.AdapterOnly}), and by
 * those that build its pieces without Spring.
 */
final class SlackTestSettings {

    private SlackTestSettings() {}

    /** An in-memory database of its own, only the common migrations, and Slack pointed at the fake Web API. */
    static void properties(
            DynamicPropertyRegistry r, String database, FakeSlack slack, Map<String, String> slackSettings) {
        r.add("spring.flyway.locations", () -> "classpath:db/migration/common,classpath:db/migration/h2");
        r.add(
                "spring.datasource.url",
                () -> "jdbc:h2:mem:" + database + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        r.add("slack.api-url", slack::apiUrl);
        r.add("slack.first-retry-delay", () -> "20ms");
        r.add("pulse.work.first-retry-delay", () -> "200ms");
        r.add("pulse.pseudonym-secret", () -> TestDatabases.PSEUDONYM_KEY);
        slackSettings.forEach((k, v) -> r.add("slack." + k, () -> v));
    }

    /** A single-workspace install's settings: Slack's API at {@code apiUrl} (null for Slack's own), default pacing. */
    static SlackProperties at(String apiUrl) {
        return new SlackProperties(
                "xoxb-1",
                "secret",
                null,
                null,
                apiUrl,
                null,
                null,
                null,
                4,
                Duration.ofSeconds(1),
                Duration.ofMinutes(10),
                Duration.ofMillis(1100),
                1.0,
                1.0,
                Duration.ofMinutes(1));
    }
}
