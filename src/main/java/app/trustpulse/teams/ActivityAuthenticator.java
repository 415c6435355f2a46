package app.trustpulse.teams;

import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.schema.Activity;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the Bot Connector's JWT on an incoming activity with the SDK's own validation: issuer, signature against
 * the published keys, lifetime, audience (our app id), endorsement for the channel, and the service URL claim.
 */
class ActivityAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityAuthenticator.class);

    private final CredentialProvider credentials;
    private final ChannelProvider channels;
    private final AuthenticationConfiguration configuration = new AuthenticationConfiguration();

    ActivityAuthenticator(CredentialProvider credentials, ChannelProvider channels) {
        this.credentials = credentials;
        this.channels = channels;
    }

    /** True when the request may be handled; anything the SDK cannot validate counts as a rejection. */
    boolean authenticated(Activity activity, String authorization) {
        try {
            JwtTokenValidation.authenticateRequest(activity, authorization, credentials, channels, configuration)
                    .join();
            return true;
        } catch (CompletionException e) {
            LOG.info(
                    "Teams request rejected: {}",
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            return false;
        } catch (RuntimeException e) {
            LOG.info("Teams request rejected: {}", e.getMessage());
            return false;
        }
    }
}
