package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Slack switches itself on only when configured, and refuses to start half-configured. */
class SlackSwitchTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SlackConfiguration.class)
            .withBean(JdbcClient.class, () -> mock(JdbcClient.class))
            .withBean(java.time.Clock.class, java.time.Clock::systemUTC)
            .withBean(TransactionTemplate.class, () -> mock(TransactionTemplate.class));

    @Test
    void withoutCredentialsSlackAddsNoBeansAndNoEndpoint() {
        runner.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).doesNotHaveBean(SlackGateway.class);
            assertThat(ctx).doesNotHaveBean("slackEventsFilter");
        });
    }

    @Test
    void singleWorkspaceModeNeedsTheSigningSecret() {
        runner.withPropertyValues("slack.bot-token=xoxb-1")
                .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("SLACK_SIGNING_SECRET"));
    }

    @Test
    void multiWorkspaceModeRefusesToStartWithoutTheEncryptionKey() {
        runner.withPropertyValues("slack.client-id=1.2", "slack.client-secret=s", "slack.signing-secret=x")
                .run(ctx ->
                        assertThat(ctx).getFailure().rootCause().hasMessageContaining("SLACK_TOKEN_ENCRYPTION_KEY"));
    }

    @Test
    void multiWorkspaceModeRefusesAKeyOfTheWrongLength() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        runner.withPropertyValues(
                        "slack.client-id=1.2",
                        "slack.client-secret=s",
                        "slack.signing-secret=x",
                        "slack.token-encryption-key=" + shortKey)
                .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("32 bytes"));
    }

    @Test
    void bothModesAtOnceAreRefused() {
        runner.withPropertyValues(
                        "slack.bot-token=xoxb-1",
                        "slack.client-id=1.2",
                        "slack.client-secret=s",
                        "slack.signing-secret=x")
                .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("not both"));
    }

    @Test
    void socketModeNeedsAnAppLevelTokenNotABotToken() {
        runner.withPropertyValues("slack.bot-token=xoxb-1", "slack.app-token=xoxb-1")
                .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("xapp-"));
    }

    @Test
    void socketModeStillNeedsTheBotTokenButNoSigningSecret() {
        runner.withPropertyValues("slack.app-token=xapp-1-A0-1-x").run(ctx -> {
            assertThat(ctx).getFailure().rootCause().hasMessageContaining("SLACK_BOT_TOKEN");
            assertThat(ctx).getFailure().rootCause().message().doesNotContain("SLACK_SIGNING_SECRET");
        });
    }
}
