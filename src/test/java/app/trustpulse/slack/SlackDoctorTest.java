package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Application;
import app.trustpulse.support.TestDatabases;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /pulse doctor} in the whole application against a fake Slack whose workspace granted the app too few scopes
 * and with no public address set: an admin learns, line by line, what is fine and what to fix; a member is refused.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackDoctorTest {

    static final String SECRET = "doctor-signing-secret";
    static final String TEAM = "T0DOC";
    static final FakeSlack SLACK = start();
    static final AtomicInteger hooks = new AtomicInteger();

    static FakeSlack start() {
        try {
            // An app created from the Socket Mode manifest as it was: without channels:history and groups:history.
            return new FakeSlack()
                    .token("xoxb-doctor", TEAM)
                    .scopes(
                            "commands",
                            "chat:write",
                            "im:write",
                            "im:history",
                            "users:read",
                            "channels:read",
                            "groups:read")
                    .user("UADMIN", "Ada", "Europe/Amsterdam", true)
                    .user("UM1", "Mia", "Europe/Amsterdam", false)
                    .channel("C0DOC", "UM1");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("slack.bot-token", () -> "xoxb-doctor");
        r.add("slack.signing-secret", () -> SECRET);
        r.add("pulse.pseudonym-secret", () -> TestDatabases.PSEUDONYM_KEY);
        r.add("slack.api-url", SLACK::apiUrl);
        r.add(
                "spring.datasource.url",
                () -> "jdbc:h2:mem:slack-doctor;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    SlackClientSim slack;

    @BeforeEach
    void setUp() {
        slack = new SlackClientSim(port, SECRET, TEAM);
    }

    @Test
    void anAdminLearnsWhatIsFineAndWhatToFix() throws Exception {
        String answer = command("UADMIN", "C0DOC", "doctor");

        assertThat(answer)
                .contains("Install check: something to fix")
                .contains("✗ Slack permissions: the Slack app lacks channels:history, files:write, groups:history.")
                .contains("✗ Public address: not set.")
                .contains("✓ Database: reachable,")
                .contains("✓ Key of the personal data: comes from the environment")
                .contains("✓ Scheduler: running")
                .doesNotContain("Microsoft Teams")
                .doesNotContain("Socket Mode:");
    }

    @Test
    void aMemberIsRefused() throws Exception {
        String answer = command("UM1", "C0DOC", "doctor");

        assertThat(answer)
                .startsWith("Only an admin can use doctor.")
                .doesNotContain("✓")
                .doesNotContain("✗");
    }

    /** The ephemeral answer, its text and blocks together. */
    private String command(String user, String channel, String text) throws Exception {
        String hook = "doctor-" + hooks.incrementAndGet();
        assertThat(slack.postForm(slack.slashCommand(user, channel, text, SLACK.hookUrl(hook)))
                        .statusCode())
                .isEqualTo(200);
        FakeSlack.Hook answer = SLACK.awaitHook("/" + hook);
        assertThat(answer.body().get("response_type").getAsString()).isEqualTo("ephemeral");
        String blocks =
                answer.body().has("blocks") ? answer.body().get("blocks").toString() : "";
        return answer.body().get("text").getAsString() + (blocks.isEmpty() ? "" : "\n" + blocks);
    }
}
