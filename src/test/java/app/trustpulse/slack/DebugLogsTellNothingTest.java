package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Application;
import app.trustpulse.Slow;
import app.trustpulse.teams.TeamsChat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Slack and Teams at once, with the root logger at DEBUG as an operator sets it with {@code LOGGING_LEVEL_ROOT=DEBUG}:
 * the loggers of the platform SDKs, the HTTP clients, Tomcat, Spring's web and JDBC layers and the work queue keep
 * their own level, so no request or response body, nothing a person said and no DM reaches the logs.
 */
// The fake Slack's own HTTP server (the JDK's) logs every path it serves, response URLs included; it is no part of
// the service.
@SpringBootTest(
        classes = Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.root=DEBUG", "logging.level.com.sun.net.httpserver=INFO"})
@Import(TeamsChat.Credentials.class)
@ExtendWith(OutputCaptureExtension.class)
@Slow
class DebugLogsTellNothingTest {

    static final FakeSlack SLACK = FailingSlackWeek.fakeSlack();
    static final TeamsChat TEAMS = new TeamsChat();
    static final String QUINN = "29:quinn-in-teams";
    static final String TYPED_IN_TEAMS = "Softly-unique words typed in Teams";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        FailingSlackWeek.properties(r, SLACK, "slack-debug-logs");
        TEAMS.properties(r);
    }

    @AfterAll
    static void stop() {
        SLACK.close();
        TEAMS.close();
        // the logging system is the JVM's and outlives this context: tests after this one would print at DEBUG too
        LoggingSystem.get(DebugLogsTellNothingTest.class.getClassLoader())
                .setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
    }

    @LocalServerPort
    int port;

    @Test
    void aSlackWeekWithTheRootLoggerAtDebugLogsNoBodyAndNothingAPersonSaid(CapturedOutput output) throws Exception {
        int before = output.getAll().length();
        new FailingSlackWeek(SLACK, port).run();

        String logs = output.getAll();
        assertLoggedAtDebug(logs.substring(before));
        FailingSlackWeek.assertTellsNothing(logs);
        assertThat(logs).as("a confirmation of what was recorded").doesNotContain("Recorded");
        for (String person : FailingSlackWeek.EVERYONE) {
            assertThat(logs).as("the DM channel of %s", person).doesNotContain(FailingSlackWeek.dm(person));
        }
        assertThat(logs).as("a bot token, or its start").doesNotContain("xoxb-logs");
        assertNoBodies(logs);
    }

    @Test
    void aTeamsChatWithTheRootLoggerAtDebugLogsNoBodyAndNothingThePersonTyped(CapturedOutput output) throws Exception {
        TEAMS.failNext(1, 503);
        assertThat(TEAMS.say(port, QUINN, TYPED_IN_TEAMS))
                .as("the bot's answer, sent after a refusal")
                .isNotEmpty();

        // A Teams exchange of a few seconds need not bring a framework line at DEBUG of its own (Quartz's cluster
        // check-in, every 10 s, often does): the level is read instead.
        assertThat(org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                        .isDebugEnabled())
                .as("the root logger at DEBUG")
                .isTrue();
        String logs = output.getAll();
        assertLoggedAtDebug(logs);
        assertThat(logs)
                .doesNotContain(TYPED_IN_TEAMS)
                .doesNotContain("Softly")
                .doesNotContain(QUINN)
                .as("the 1:1 chat")
                .doesNotContain(TeamsChat.chat(""));
        assertNoBodies(logs);
    }

    /** The level really was DEBUG while the platforms were used, so the absences below mean something. */
    private static void assertLoggedAtDebug(String logs) {
        assertThat(logs).as("framework lines at DEBUG").containsPattern("(?m)^\\S+ +DEBUG ");
    }

    /** Field names found only in bodies: of Slack's requests and Web API calls, and of Bot Framework activities. */
    private static void assertNoBodies(String logs) {
        assertThat(logs)
                .as("a request or response body")
                .doesNotContain("response_url")
                .doesNotContain("trigger_id")
                .doesNotContain("\"blocks\"")
                .doesNotContain("blocks=")
                .doesNotContain("\"type\":\"message\"")
                .doesNotContain("\"serviceUrl\"")
                .doesNotContain("\"replyToId\"");
    }
}
