package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.support.TestDatabases;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The installation, OAuth state and delivery tables on H2 and on PostgreSQL. */
class SlackStoresTest {

    private static DataSource db(String vendor) {
        return vendor.equals("postgres") ? TestDatabases.postgres() : TestDatabases.h2();
    }

    static JdbcInstallationService installations(DataSource ds) {
        byte[] key = new byte[32];
        key[5] = 9;
        return new JdbcInstallationService(
                JdbcClient.create(ds),
                new TransactionTemplate(new DataSourceTransactionManager(ds)),
                new TokenCipher(key),
                new SlackTexts(),
                java.time.Clock.systemUTC());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anInstallationIsSavedRotatedAndDeleted(String vendor) throws Exception {
        JdbcInstallationService store = installations(db(vendor));
        store.saveInstallerAndBot(DefaultInstaller.builder()
                .appId("A1")
                .teamId("T1")
                .isEnterpriseInstall(false)
                .installerUserId("UINST")
                .botUserId("UB")
                .botId("B1")
                .botScope("commands,chat:write")
                .botAccessToken("xoxe.xoxb-old")
                .botRefreshToken("xoxe-r1")
                .botTokenExpiresAt(1_000L)
                .installedAt(5L)
                .build());

        Bot bot = store.findBot(null, "T1");
        assertThat(bot.getBotAccessToken()).isEqualTo("xoxe.xoxb-old");
        assertThat(bot.getBotRefreshToken()).isEqualTo("xoxe-r1");
        assertThat(store.findInstaller(null, "T1", "UINST")).isNotNull();
        assertThat(store.findInstaller(null, "T1", "USOMEONE")).isNull();

        bot.setBotAccessToken("xoxe.xoxb-new");
        bot.setBotTokenExpiresAt(2_000L);
        store.saveBot(bot);
        assertThat(store.findByWorkspace("T1").orElseThrow().getBotAccessToken())
                .isEqualTo("xoxe.xoxb-new");
        assertThat(store.findInstaller(null, "T1", "UINST"))
                .as("installer kept across rotation")
                .isNotNull();

        store.deleteAll(null, "T1");
        assertThat(store.findBot(null, "T1")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anOrganizationWideInstallServesEveryWorkspaceOfTheOrganization(String vendor) throws Exception {
        JdbcInstallationService store = installations(db(vendor));
        store.saveInstallerAndBot(DefaultInstaller.builder()
                .enterpriseId("E1")
                .isEnterpriseInstall(true)
                .installerUserId("UINST")
                .botAccessToken("xoxb-org")
                .installedAt(5L)
                .build());

        assertThat(store.findBot("E1", "T7").getBotAccessToken()).isEqualTo("xoxb-org");
        assertThat(store.workspaces()).containsExactly("E1");
        store.deleteAll("E1", null);
        assertThat(store.workspaces()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anOAuthStateWorksOnceAndExpires(String vendor) throws Exception {
        DataSource ds = db(vendor);
        Clock now = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
        JdbcOAuthStateService states = new JdbcOAuthStateService(JdbcClient.create(ds), now);
        states.addNewStateToDatastore("s1");

        assertThat(states.isAvailableInDatabase("s1")).isTrue();
        assertThat(new JdbcOAuthStateService(JdbcClient.create(ds), Clock.offset(now, java.time.Duration.ofMinutes(11)))
                        .isAvailableInDatabase("s1"))
                .isFalse();
        states.deleteStateFromDatastore("s1");
        assertThat(states.isAvailableInDatabase("s1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDeliveryIsRecorded(String vendor) {
        DataSource ds = db(vendor);
        new DeliveryLog(JdbcClient.create(ds), Clock.systemUTC())
                .record("T1", "chat.postMessage", "D1", DeliveryLog.Outcome.FAILED, 4, null, "x".repeat(900));

        assertThat(JdbcClient.create(ds)
                        .sql("SELECT attempts, outcome, last_error FROM slack_delivery")
                        .query()
                        .singleRow())
                .containsEntry("outcome", "FAILED")
                .satisfies(r -> assertThat(((String) r.get("last_error"))).hasSize(500));
    }
}
