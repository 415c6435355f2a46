package app.trustpulse.dashboard;

import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in to the dashboard. Each provider is on when its client id and secret are set.
 *
 * @param slack     "Sign in with Slack" (OpenID Connect) of the Slack app ({@code PULSE_DASHBOARD_SLACK_CLIENT_ID},
 *                  {@code _SECRET}; by default the app's {@code SLACK_CLIENT_ID} and {@code SLACK_CLIENT_SECRET})
 * @param microsoft Microsoft Entra ID (OpenID Connect) ({@code PULSE_DASHBOARD_MICROSOFT_CLIENT_ID}, {@code _SECRET},
 *                  {@code _TENANT_ID}; by default the bot's {@code MICROSOFT_APP_ID}, {@code _PASSWORD}, {@code
 * _TENANT_ID})
 * @param publicUrl the service's public https address ({@code PULSE_PUBLIC_URL}); the sign-in's redirect address is
 *                  built from it, or from the request when it is empty
 */
@ConfigurationProperties("pulse.dashboard")
public record DashboardProperties(Provider slack, Provider microsoft, Optional<String> publicUrl) {

    public DashboardProperties {
        slack = slack == null ? new Provider(null, null, null) : slack;
        microsoft = microsoft == null ? new Provider(null, null, null) : microsoft;
        publicUrl = publicUrl == null
                ? Optional.empty()
                : publicUrl.filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", ""));
    }

    public record Provider(String clientId, String clientSecret, String tenantId) {

        public boolean configured() {
            return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        }

        /** A single-tenant registration's tenant; "organizations" (any work account) otherwise. */
        public String tenantOrOrganizations() {
            return tenantId == null || tenantId.isBlank() ? "organizations" : tenantId;
        }
    }
}
