package app.trustpulse.teams;

import app.trustpulse.chat.RateShare;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Conditional;

/**
 * How the Teams adapter behaves.
 *
 * @param allowUnauthenticated accept requests without a token when no app id is set (Bot Framework Emulator only)
 * @param openidMetadataUrl where the Bot Connector's signing keys are published; empty for the public cloud default
 * @param graphUrl the Microsoft Graph API, asked who owns a team
 * @param maxAttempts how often a call to the Bot Connector is tried when it answers 429, 412, 502 or 504
 * @param initialBackoff the wait before the first retry; it doubles with every further retry
 * @param maxBackoff the longest wait between two tries
 * @param rateShare the share of Teams' limits (per conversation and per tenant) this instance paces itself to: 1 for
 *                  one instance, 1/N to split them between N; above 0 and at most 1 ({@link RateShare}, as for Slack)
 * @param parallelSends how many messages to different people a round (check-ins, welcomes) sends side by side: one
 *                      sender alone, at some tens of milliseconds a message, stays below Teams' 30 posts a second
 */
@Conditional(TeamsSwitch.class)
@ConfigurationProperties("teams")
record TeamsSettings(
        boolean allowUnauthenticated,
        String openidMetadataUrl,
        @DefaultValue("https://graph.microsoft.com/v1.0/") String graphUrl,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("1.0") double rateShare,
        @DefaultValue("4") int parallelSends) {

    TeamsSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("teams.max-attempts must be 1 or more");
        }
        if (parallelSends < 1 || parallelSends > 32) {
            throw new IllegalArgumentException(
                    "teams.parallel-sends (TEAMS_PARALLEL_SENDS) must be 1 to 32; it is " + parallelSends);
        }
        rateShare = RateShare.checked("teams.rate-share", rateShare);
    }
}
