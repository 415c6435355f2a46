package app.trustpulse.config;

import app.trustpulse.pulse.AnonymityPolicy;
import app.trustpulse.pulse.Language;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The engine's settings (prefix "pulse", e.g. env PULSE_ADMINS).
 *
 * @param admins            service admins beside the platforms' own, as "platform:userId"
 * @param defaultLanguage   language of new teams and of replies to people in no team
 * @param defaultTimezone   timezone of new teams
 * @param defaultThreshold  anonymity threshold of new teams (3 or more)
 * @param pseudonymSecret   the key of answer pseudonyms; at least 32 characters ("base64:..." for raw bytes).
 *                          Required with Slack or Teams; the playground alone generates one in its database
 * @param pseudonymSecretFile a file holding that key instead (a mounted secret)
 * @param pseudonymSecretRetired the key before the last rotation: what it sealed still opens, and is sealed anew under
 *                          the current key when written again (see docs/privacy.md, "Rotating the key")
 * @param nudgesPerWeek     mid-week nudges per leader per week, besides the digest
 * @param claimTimeout      the longest a sender's claim on a message (a check-in, the pulse, a digest) holds while
 *                          its instance lives: after it, the sender is taken for stuck and another one looks whether
 *                          it landed and sends it. A dead instance's claims end sooner, with its heartbeat
 *                          ({@code pulse.work.heartbeat-interval} × {@code pulse.work.missed-heartbeats}). Longer than
 *                          one call to a platform may take, 429 waits included
 */
@ConfigurationProperties("pulse")
public record PulseProperties(
        @DefaultValue("") List<String> admins,
        @DefaultValue("en") Language defaultLanguage,
        @DefaultValue("Europe/Amsterdam") ZoneId defaultTimezone,
        @DefaultValue("3") int defaultThreshold,
        Optional<String> pseudonymSecret,
        Optional<Path> pseudonymSecretFile,
        Optional<String> pseudonymSecretRetired,
        @DefaultValue("2") int nudgesPerWeek,
        @DefaultValue("15m") Duration claimTimeout) {

    public PulseProperties {
        if (AnonymityPolicy.checkSetting(defaultThreshold).isPresent()) {
            throw new IllegalArgumentException("pulse.default-threshold must be from "
                    + AnonymityPolicy.MINIMUM_THRESHOLD + " to " + AnonymityPolicy.MAXIMUM_THRESHOLD);
        }
        if (nudgesPerWeek < 0) {
            throw new IllegalArgumentException("pulse.nudges-per-week must not be negative");
        }
    }
}
