package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import app.trustpulse.work.DeliveryAttempts;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Over Socket Mode, a start while Slack is down is a start all the same: the adapter comes up, reports itself
 * degraded, opens no socket, and opens one by itself once Slack answers again.
 */
class SlackSocketModeOutageTest {

    @Test
    void theAdapterStartsWhileSlackIsDownAndOpensItsSocketOnceSlackAnswers() throws Exception {
        try (FakeSocketModeServer socket = new FakeSocketModeServer().begin();
                FakeSlack slack = new FakeSlack()
                        .token("xoxb-sock", "T0SOCK")
                        .socketMode(socket::nextUrl)
                        .down(true)) {
            new ApplicationContextRunner()
                    .withUserConfiguration(SlackConfiguration.class)
                    .withBean(JdbcClient.class, () -> mock(JdbcClient.class))
                    .withBean(java.time.Clock.class, java.time.Clock::systemUTC)
                    .withBean(TransactionTemplate.class, () -> mock(TransactionTemplate.class))
                    .withBean(DeliveryAttempts.class, () -> mock(DeliveryAttempts.class))
                    .withPropertyValues(
                            "slack.bot-token=xoxb-sock",
                            "slack.app-token=xapp-1-A0SOCK-1-x",
                            "slack.api-url=" + slack.apiUrl(),
                            "slack.reconnect-max-delay=1s")
                    .run(ctx -> {
                        assertThat(ctx).hasNotFailed();
                        SlackHealth health = ctx.getBean(SlackHealth.class);
                        Awaitility.await()
                                .atMost(Duration.ofSeconds(10))
                                .until(() -> SlackHealth.DEGRADED.equals(
                                        health.health().getStatus()));
                        Thread.sleep(1500);
                        assertThat(socket.connectionsOpened()).isZero();
                        assertThat(health.health().getStatus()).isEqualTo(SlackHealth.DEGRADED);

                        slack.down(false);

                        socket.awaitConnection();
                        Awaitility.await()
                                .atMost(Duration.ofSeconds(10))
                                .until(() -> Status.UP.equals(health.health().getStatus()));
                    });
        }
    }
}
