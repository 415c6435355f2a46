package app.trustpulse.slack;

import app.trustpulse.chat.RateShare;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack settings, all from the environment ({@code SLACK_BOT_TOKEN} binds to {@code slack.bot-token} and so on).
 * Single-workspace mode needs the bot token and the signing secret; multi-workspace mode the client id, the
 * client secret, the signing secret and the token encryption key. With the app-level token ({@code xapp-…}) the app
 * talks to Slack over Socket Mode instead of a public request URL, and needs no signing secret.
 *
 * @param appToken app-level token with the {@code connections:write} scope; switches on Socket Mode
 * @param apiUrl Web API base URL, ending in {@code /api/}; empty for Slack's own
 * @param tokenEncryptionKey base64 of 32 random bytes; encrypts installed bot tokens (AES-GCM)
 * @param redirectUri the OAuth redirect URL, only needed when the app lists more than one
 * @param sendAttempts how often a failed Web API call is tried in all, the first try included
 * @param firstRetryDelay the wait before the first retry; it doubles with each further one
 * @param callTimeout how long one Web API call may take in all, 429 waits included
 * @param conversationSpacing the pace of queued replies to one conversation (Slack takes about one a second)
 * @param rateShare the share of Slack's published limits (per workspace and method, and one post a second per
 *                  conversation) this instance paces itself to: 1 for one instance, 1/N to split them between N;
 *                  above 0 and at most 1 ({@link RateShare}, as for Teams)
 * @param benchmarkTimeCompression benchmarks and tests only: how many times faster than real time they run the fake
 *                  Slack's limits, so the service paces itself that much faster too; 1 (the default) in every install
 * @param reconnectMaxDelay while Slack cannot be reached, the longest wait between two tries to reach it again (the
 *                  waits double from one second up to this); Slack's queued work waits as long
 */
@ConfigurationProperties("slack")
public record SlackProperties(
        String botToken,
        String signingSecret,
        String clientId,
        String clientSecret,
        String apiUrl,
        String tokenEncryptionKey,
        String redirectUri,
        String appToken,
        @DefaultValue("4") int sendAttempts,
        @DefaultValue("1s") Duration firstRetryDelay,
        @DefaultValue("10m") Duration callTimeout,
        @DefaultValue("1100ms") Duration conversationSpacing,
        @DefaultValue("1.0") double rateShare,
        @DefaultValue("1") double benchmarkTimeCompression,
        @DefaultValue("1m") Duration reconnectMaxDelay) {

    public SlackProperties {
        rateShare = RateShare.checked("slack.rate-share", rateShare);
        if (!(benchmarkTimeCompression > 0 && Double.isFinite(benchmarkTimeCompression))) {
            throw new IllegalArgumentException("slack.benchmark-time-compression (SLACK_BENCHMARK_TIME_COMPRESSION) is"
                    + " for benchmarks only and must be above 0; leave it unset (1) in an install; it is "
                    + benchmarkTimeCompression);
        }
    }

    /**
     * The factor Slack's published limits are paced at: this instance's share of them, times the benchmarks' time
     * compression (1 outside benchmarks).
     */
    double pace() {
        return rateShare * benchmarkTimeCompression;
    }

    boolean socketMode() {
        return isSet(appToken);
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
