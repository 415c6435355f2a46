package app.trustpulse.slack;

import app.trustpulse.pulse.Language;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workspace installations in the database, one row per workspace (or per organization for an org-wide install).
 * Bot tokens and refresh tokens are stored encrypted. No user tokens are ever stored: the app asks for no user scopes.
 */
class JdbcInstallationService implements InstallationService {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TokenCipher cipher;
    private final SlackTexts texts;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();

    JdbcInstallationService(
            JdbcClient jdbc, TransactionTemplate tx, TokenCipher cipher, SlackTexts texts, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cipher = cipher;
        this.texts = texts;
        this.clock = clock;
    }

    /** Shown by Bolt to someone who runs /pulse in a workspace without an installation. */
    @Override
    public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
        return texts.get(Language.EN, "slack.install.guide");
    }

    /** The key the rest of the service knows a workspace by: the organization for org-wide installs. */
    static String workspaceId(String enterpriseId, String teamId, Boolean enterpriseInstall) {
        return Boolean.TRUE.equals(enterpriseInstall) && enterpriseId != null ? enterpriseId : teamId;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean isHistoricalDataEnabled) {
        if (isHistoricalDataEnabled) {
            throw new IllegalArgumentException("installation history is not kept");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        Bot bot = installer.toBot();
        bot.setTokenType(installer.getTokenType());
        save(bot, Optional.ofNullable(installer.getInstallerUserId()));
    }

    @Override
    public void saveBot(Bot bot) {
        save(bot, Optional.empty());
    }

    private void save(Bot bot, Optional<String> installerUserId) {
        String ws = workspaceId(bot.getEnterpriseId(), bot.getTeamId(), bot.getIsEnterpriseInstall());
        if (ws == null || bot.getBotAccessToken() == null) {
            throw new IllegalArgumentException("an installation needs a workspace and a bot token");
        }
        String token = cipher.encrypt(bot.getBotAccessToken(), ws);
        String refresh = bot.getBotRefreshToken() == null ? null : cipher.encrypt(bot.getBotRefreshToken(), ws);
        long installedAt = bot.getInstalledAt() == null ? clock.millis() : bot.getInstalledAt();
        tx.executeWithoutResult(status -> {
            String installer = installerUserId.orElseGet(
                    () -> jdbc.sql("SELECT installer_user_id FROM slack_installation WHERE workspace_id = ?")
                            .param(ws)
                            .query(String.class)
                            .optional()
                            .orElse(null));
            jdbc.sql("DELETE FROM slack_installation WHERE workspace_id = ?")
                    .param(ws)
                    .update();
            jdbc.sql("""
                    INSERT INTO slack_installation (workspace_id, enterprise_id, team_id, enterprise_install, app_id,
                        bot_id, bot_user_id, bot_scope, token_type, enterprise_url, installer_user_id, bot_token_enc,
                        bot_refresh_token_enc, bot_token_expires_at, installed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            ws,
                            bot.getEnterpriseId(),
                            bot.getTeamId(),
                            Boolean.TRUE.equals(bot.getIsEnterpriseInstall()),
                            bot.getAppId(),
                            bot.getBotId(),
                            bot.getBotUserId(),
                            bot.getBotScope(),
                            bot.getTokenType(),
                            bot.getEnterpriseUrl(),
                            installer,
                            token,
                            refresh,
                            bot.getBotTokenExpiresAt(),
                            installedAt)
                    .update();
        });
        changes.incrementAndGet();
    }

    @Override
    public void deleteBot(Bot bot) {
        String ws = workspaceId(bot.getEnterpriseId(), bot.getTeamId(), bot.getIsEnterpriseInstall());
        jdbc.sql("DELETE FROM slack_installation WHERE workspace_id = ?")
                .param(ws)
                .update();
        changes.incrementAndGet();
    }

    /** How often this instance changed or removed an installation; a token kept from before a change is read again. */
    long changes() {
        return changes.get();
    }

    @Override
    public void deleteInstaller(Installer installer) {
        // Installers hold no tokens of their own here; the bot row goes with deleteBot or deleteAll.
    }

    /** Removes everything stored for a workspace or an organization (app_uninstalled, tokens_revoked). */
    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        if (teamId != null) {
            jdbc.sql("DELETE FROM slack_installation WHERE workspace_id = ? OR team_id = ?")
                    .params(teamId, teamId)
                    .update();
        } else if (enterpriseId != null) {
            jdbc.sql("DELETE FROM slack_installation WHERE workspace_id = ? AND enterprise_install = TRUE")
                    .param(enterpriseId)
                    .update();
        }
        changes.incrementAndGet();
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        if (enterpriseId != null) {
            Optional<Bot> org = find(
                    "SELECT * FROM slack_installation WHERE workspace_id = ? AND enterprise_install = TRUE",
                    enterpriseId);
            if (org.isPresent()) {
                return org.get();
            }
        }
        return teamId == null
                ? null
                : find("SELECT * FROM slack_installation WHERE workspace_id = ?", teamId)
                        .orElse(null);
    }

    /** The bot of a workspace as the rest of the service names it (team id, or enterprise id when org-wide). */
    Optional<Bot> findByWorkspace(String workspaceId) {
        return find("SELECT * FROM slack_installation WHERE workspace_id = ?", workspaceId);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        Bot bot = findBot(enterpriseId, teamId);
        if (bot == null) {
            return null;
        }
        String installer = jdbc.sql("SELECT installer_user_id FROM slack_installation WHERE workspace_id = ?")
                .param(workspaceId(bot.getEnterpriseId(), bot.getTeamId(), bot.getIsEnterpriseInstall()))
                .query(String.class)
                .optional()
                .orElse(null);
        if (installer == null || !installer.equals(userId)) {
            return null;
        }
        return DefaultInstaller.builder()
                .appId(bot.getAppId())
                .enterpriseId(bot.getEnterpriseId())
                .teamId(bot.getTeamId())
                .isEnterpriseInstall(bot.getIsEnterpriseInstall())
                .enterpriseUrl(bot.getEnterpriseUrl())
                .tokenType(bot.getTokenType())
                .installerUserId(installer)
                .botId(bot.getBotId())
                .botUserId(bot.getBotUserId())
                .botScope(bot.getBotScope())
                .botAccessToken(bot.getBotAccessToken())
                .botRefreshToken(bot.getBotRefreshToken())
                .botTokenExpiresAt(bot.getBotTokenExpiresAt())
                .installedAt(bot.getInstalledAt())
                .build();
    }

    /** Workspaces with a stored installation (for operators and tests). */
    List<String> workspaces() {
        return jdbc.sql("SELECT workspace_id FROM slack_installation ORDER BY workspace_id")
                .query(String.class)
                .list();
    }

    private Optional<Bot> find(String sql, String key) {
        return jdbc.sql(sql).param(key).query(this::toBot).optional();
    }

    private Bot toBot(ResultSet rs, int row) throws SQLException {
        String ws = rs.getString("workspace_id");
        DefaultBot bot = new DefaultBot();
        bot.setEnterpriseId(rs.getString("enterprise_id"));
        bot.setTeamId(rs.getString("team_id"));
        bot.setIsEnterpriseInstall(rs.getBoolean("enterprise_install"));
        bot.setAppId(rs.getString("app_id"));
        bot.setBotId(rs.getString("bot_id"));
        bot.setBotUserId(rs.getString("bot_user_id"));
        bot.setBotScope(rs.getString("bot_scope"));
        bot.setScope(rs.getString("bot_scope"));
        bot.setTokenType(rs.getString("token_type"));
        bot.setEnterpriseUrl(rs.getString("enterprise_url"));
        bot.setBotAccessToken(cipher.decrypt(rs.getString("bot_token_enc"), ws));
        String refresh = rs.getString("bot_refresh_token_enc");
        bot.setBotRefreshToken(refresh == null ? null : cipher.decrypt(refresh, ws));
        long expires = rs.getLong("bot_token_expires_at");
        bot.setBotTokenExpiresAt(rs.wasNull() ? null : expires);
        bot.setInstalledAt(rs.getLong("installed_at"));
        return bot;
    }
}
