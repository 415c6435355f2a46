package app.trustpulse.teams;

import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Access tokens for Microsoft Graph in a tenant. */
interface GraphTokens {

    String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    Optional<String> token(String tenantId);

    /** The client-credentials grant with the bot's app id and secret, one token cache per tenant. */
    final class ClientCredentials implements GraphTokens {

        private static final Logger LOG = LoggerFactory.getLogger(ClientCredentials.class);

        private final String appId;
        private final String password;
        private final Map<String, MicrosoftAppCredentials> byTenant = new ConcurrentHashMap<>();

        ClientCredentials(String appId, String password) {
            this.appId = appId;
            this.password = password;
        }

        @Override
        public Optional<String> token(String tenantId) {
            if (appId.isBlank() || password.isBlank() || tenantId == null || !tenantId.matches("[0-9a-fA-F-]{36}")) {
                return Optional.empty();
            }
            try {
                MicrosoftAppCredentials credentials = byTenant.computeIfAbsent(
                        tenantId, t -> new MicrosoftAppCredentials(appId, password, t, GRAPH_SCOPE));
                return Optional.ofNullable(credentials.getToken().get(20, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (Exception e) {
                LOG.info("No Microsoft Graph token for tenant {}: {}", tenantId, e.getMessage());
                return Optional.empty();
            }
        }
    }
}
