package app.trustpulse.teams;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the Teams adapter behaves.
 *
 * @param allowUnauthenticated accept requests without a token when no app id is set (Bot Framework Emulator only)
 * @param openidMetadataUrl where the Bot Connector's signing keys are published; empty for the public cloud default
 * @param graphUrl the Microsoft Graph API, asked who owns a team
 * @param maxAttempts how often a call to the Bot Connector is tried when it answers 429, 412, 502 or 504
 * @param initialBackoff the wait before the first retry; it doubles with every further retry
 * @param maxBackoff the longest wait between two tries
 */
@Conditional(TeamsSwitch.class)
@ConfigurationProperties("teams")
record TeamsSettings(
        boolean allowUnauthenticated,
        String openidMetadataUrl,
        @DefaultValue("https://graph.microsoft.com/v1.0/") String graphUrl,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("30s") Duration maxBackoff) {

    TeamsSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("teams.max-attempts must be 1 or more");
        }
    }
}
