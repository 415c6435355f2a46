package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.support.TestDatabases;
import com.slack.api.Slack;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.token_rotation.TokenRotator;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A workspace's bot token is read once for the posts of a few seconds; a change made on this instance is seen at
 * once, one made elsewhere once the few seconds are over, and a rotating token is read every time.
 */
class InstalledBotTokensTest {

    private final DataSource db = TestDatabases.h2();
    private final JdbcInstallationService installations = SlackStoresTest.installations(db);
    private final AtomicLong nanos = new AtomicLong();
    private final InstalledBotTokens tokens = new InstalledBotTokens(
            installations,
            new TokenRotator(Slack.getInstance().methods(), 60_000, "client", "secret"),
            Duration.ofSeconds(10),
            nanos::get);

    @Test
    void aTokenIsKeptForAFewSecondsThenReadAgain() {
        install("T1", "xoxb-first", null);
        assertThat(tokens.tokenFor("T1")).isEqualTo("xoxb-first");

        removedElsewhere("T1");
        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(tokens.tokenFor("T1")).isEqualTo("xoxb-first");

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThatThrownBy(() -> tokens.tokenFor("T1"))
                .isInstanceOf(ChatDeliveryException.class)
                .hasMessageContaining("not installed in workspace T1");
    }

    @Test
    void aChangeOnThisInstanceIsSeenAtOnce() {
        install("T1", "xoxb-first", null);
        assertThat(tokens.tokenFor("T1")).isEqualTo("xoxb-first");

        install("T1", "xoxb-reinstalled", null);
        assertThat(tokens.tokenFor("T1")).isEqualTo("xoxb-reinstalled");

        installations.deleteAll(null, "T1");
        assertThatThrownBy(() -> tokens.tokenFor("T1")).isInstanceOf(ChatDeliveryException.class);
    }

    @Test
    void aRotatingTokenIsReadEveryTime() {
        install("T1", "xoxe.xoxb-rotating", "xoxe-refresh");
        assertThat(tokens.tokenFor("T1")).isEqualTo("xoxe.xoxb-rotating");

        removedElsewhere("T1");

        assertThatThrownBy(() -> tokens.tokenFor("T1")).isInstanceOf(ChatDeliveryException.class);
    }

    private void install(String workspace, String token, String refreshToken) {
        installations.saveInstallerAndBot(DefaultInstaller.builder()
                .appId("A1")
                .teamId(workspace)
                .isEnterpriseInstall(false)
                .installerUserId("UINST")
                .botUserId("UB")
                .botId("B1")
                .botScope("commands,chat:write")
                .botAccessToken(token)
                .botRefreshToken(refreshToken)
                // A day ahead: nothing to rotate yet.
                .botTokenExpiresAt(refreshToken == null ? null : System.currentTimeMillis() + 86_400_000L)
                .build());
    }

    /** As another instance removes it: this one is not told. */
    private void removedElsewhere(String workspace) {
        JdbcClient.create(db)
                .sql("DELETE FROM slack_installation WHERE workspace_id = ?")
                .param(workspace)
                .update();
    }
}
