package app.trustpulse.teams;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Conditional;

/**
 * The bot's Microsoft app registration: {@code MICROSOFT_APP_ID}, {@code MICROSOFT_APP_PASSWORD} and, for a
 * single-tenant app, {@code MICROSOFT_APP_TENANT_ID}. Secrets come from the environment only.
 */
@Conditional(TeamsSwitch.class)
@ConfigurationProperties("microsoft.app")
record MicrosoftAppSettings(String id, String password, String tenantId) {

    boolean hasAppId() {
        return id != null && !id.isBlank();
    }

    String appIdOrEmpty() {
        return hasAppId() ? id.trim() : "";
    }

    String passwordOrEmpty() {
        return password == null ? "" : password;
    }

    boolean singleTenant() {
        return tenantId != null && !tenantId.isBlank();
    }
}
