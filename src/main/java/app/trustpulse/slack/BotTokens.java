package app.trustpulse.slack;

import app.trustpulse.chat.ChatDeliveryException;
import com.slack.api.bolt.model.Bot;
import com.slack.api.token_rotation.RefreshedToken;
import com.slack.api.token_rotation.TokenRotationException;
import com.slack.api.token_rotation.TokenRotator;
import java.util.Optional;

/** The bot token to use for a workspace, outside of an incoming request (scheduled sends). */
interface BotTokens {

    String tokenFor(String workspaceId);

    /** Single-workspace mode: the one token from the environment. */
    static BotTokens fixed(String token) {
        return workspaceId -> token;
    }

    /** Multi-workspace mode: the installed token, rotated first when it is about to expire. */
    static BotTokens installed(JdbcInstallationService installations, TokenRotator rotator) {
        return workspaceId -> {
            Bot bot = installations
                    .findByWorkspace(workspaceId)
                    .orElseThrow(() ->
                            new ChatDeliveryException("the Slack app is not installed in workspace " + workspaceId));
            if (bot.getBotRefreshToken() == null || bot.getBotTokenExpiresAt() == null) {
                return bot.getBotAccessToken();
            }
            try {
                Optional<RefreshedToken> fresh =
                        rotator.performTokenRotation(r -> r.accessToken(bot.getBotAccessToken())
                                .refreshToken(bot.getBotRefreshToken())
                                .expiresAt(bot.getBotTokenExpiresAt()));
                if (fresh.isPresent()) {
                    bot.setBotAccessToken(fresh.get().getAccessToken());
                    bot.setBotRefreshToken(fresh.get().getRefreshToken());
                    bot.setBotTokenExpiresAt(fresh.get().getExpiresAt());
                    installations.saveBot(bot);
                }
                return bot.getBotAccessToken();
            } catch (TokenRotationException e) {
                throw new ChatDeliveryException("cannot refresh the Slack token of workspace " + workspaceId, e);
            }
        };
    }
}
