package app.trustpulse.slack;

import com.slack.api.token_rotation.TokenRotator;

/** The bot token to use for a workspace, outside of an incoming request (scheduled sends). */
interface BotTokens {

    String tokenFor(String workspaceId);

    /** Single-workspace mode: the one token from the environment. */
    static BotTokens fixed(String token) {
        return workspaceId -> token;
    }

    /** Multi-workspace mode: the installed token, rotated first when it is about to expire. */
    static BotTokens installed(JdbcInstallationService installations, TokenRotator rotator) {
        return new InstalledBotTokens(installations, rotator, InstalledBotTokens.KEPT, System::nanoTime);
    }
}
