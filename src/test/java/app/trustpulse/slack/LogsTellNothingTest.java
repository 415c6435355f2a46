package app.trustpulse.slack;

import app.trustpulse.Application;
import app.trustpulse.Slow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A week in Slack in which deliveries fail (in-place updates, replies, the digest), with everything the service
 * logs captured: no log line carries a score, an action value, a comment, feedback or a typed reply, nor the id
 * of a person who answered.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Slow
class LogsTellNothingTest {

    static final FakeSlack SLACK = FailingSlackWeek.fakeSlack();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        FailingSlackWeek.properties(r, SLACK, "slack-logs");
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aWeekWithFailingDeliveriesLogsNothingAPersonSaid(CapturedOutput output) throws Exception {
        new FailingSlackWeek(SLACK, port).run();

        FailingSlackWeek.assertTellsNothing(output.getAll());
    }
}
