package app.trustpulse.slack;

import app.trustpulse.chat.ChatDeliveryException;
import com.slack.api.bolt.model.Bot;
import com.slack.api.token_rotation.RefreshedToken;
import com.slack.api.token_rotation.TokenRotationException;
import com.slack.api.token_rotation.TokenRotator;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The installed bot token of a workspace, rotated first when it is about to expire. A token that does not rotate is
 * kept for a few seconds, so the posts of a round do not each read and decrypt it: a change of the installation on
 * this instance is seen at once, one on another instance within {@link #KEPT} (until then a post with a revoked token
 * fails and is tried again, as any failed post is). A rotating token is read every time, as another instance may have
 * rotated it.
 */
final class InstalledBotTokens implements BotTokens {

    static final Duration KEPT = Duration.ofSeconds(10);

    private record Kept(String token, long readAtNanos, long changesAtRead) {}

    private final JdbcInstallationService installations;
    private final TokenRotator rotator;
    private final long keptNanos;
    private final LongSupplier nanos;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    InstalledBotTokens(JdbcInstallationService installations, TokenRotator rotator, Duration kept, LongSupplier nanos) {
        this.installations = installations;
        this.rotator = rotator;
        this.keptNanos = kept.toNanos();
        this.nanos = nanos;
    }

    @Override
    public String tokenFor(String workspaceId) {
        long now = nanos.getAsLong();
        long changes = installations.changes();
        Kept known = kept.get(workspaceId);
        if (known != null && known.changesAtRead() == changes && now - known.readAtNanos() < keptNanos) {
            return known.token();
        }
        Bot bot = installations
                .findByWorkspace(workspaceId)
                .orElseThrow(
                        () -> new ChatDeliveryException("the Slack app is not installed in workspace " + workspaceId));
        if (bot.getBotRefreshToken() == null || bot.getBotTokenExpiresAt() == null) {
            kept.put(workspaceId, new Kept(bot.getBotAccessToken(), now, changes));
            return bot.getBotAccessToken();
        }
        kept.remove(workspaceId);
        return rotated(workspaceId, bot);
    }

    private String rotated(String workspaceId, Bot bot) {
        try {
            Optional<RefreshedToken> fresh = rotator.performTokenRotation(r -> r.accessToken(bot.getBotAccessToken())
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
    }
}
