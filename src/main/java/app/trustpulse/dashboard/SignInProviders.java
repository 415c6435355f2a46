package app.trustpulse.dashboard;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The OpenID Connect providers configured from the environment: Slack ("Sign in with Slack") and Microsoft
 * Entra ID. Endpoints are fixed, so nothing is fetched from the providers at start-up. May be empty.
 *
 * <p>The sign-in gets them as its registration repository ({@link #repository()}), but they are not a bean of that
 * type: with one in the context, Spring Security builds at start a manager for calling the providers' APIs with a
 * person's tokens, four token clients each with an HTTP client and a thread of its own, which the dashboard, that
 * only signs people in, never uses.
 */
final class SignInProviders implements Iterable<ClientRegistration> {

    static final String SLACK = "slack";
    static final String MICROSOFT = "microsoft";

    private final Map<String, ClientRegistration> registrations = new LinkedHashMap<>();

    SignInProviders(DashboardProperties properties) {
        String redirect = properties.publicUrl().orElse("{baseUrl}") + "/login/oauth2/code/{registrationId}";
        if (properties.slack().configured()) {
            registrations.put(
                    SLACK,
                    ClientRegistration.withRegistrationId(SLACK)
                            .clientName("Slack")
                            .clientId(properties.slack().clientId())
                            .clientSecret(properties.slack().clientSecret())
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            .redirectUri(redirect)
                            .scope("openid", "profile")
                            .authorizationUri("https://slack.com/openid/connect/authorize")
                            .tokenUri("https://slack.com/api/openid.connect.token")
                            .jwkSetUri("https://slack.com/openid/connect/keys")
                            .issuerUri("https://slack.com")
                            .userNameAttributeName("sub")
                            .build());
        }
        if (properties.microsoft().configured()) {
            String tenant = properties.microsoft().tenantOrOrganizations();
            String base = "https://login.microsoftonline.com/" + tenant;
            // Any-tenant sign-in has one issuer per tenant, so only a single-tenant registration pins it.
            String issuer = tenant.equals("organizations") ? null : base + "/v2.0";
            registrations.put(
                    MICROSOFT,
                    ClientRegistration.withRegistrationId(MICROSOFT)
                            .clientName("Microsoft")
                            .clientId(properties.microsoft().clientId())
                            .clientSecret(properties.microsoft().clientSecret())
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            .redirectUri(redirect)
                            .scope("openid", "profile")
                            .authorizationUri(base + "/oauth2/v2.0/authorize")
                            .tokenUri(base + "/oauth2/v2.0/token")
                            .jwkSetUri(base + "/discovery/v2.0/keys")
                            .issuerUri(issuer)
                            .userNameAttributeName("sub")
                            .build());
        }
    }

    /** The providers as the sign-in looks them up, by registration id. */
    ClientRegistrationRepository repository() {
        return registrations::get;
    }

    @Override
    public Iterator<ClientRegistration> iterator() {
        return registrations.values().iterator();
    }

    boolean isEmpty() {
        return registrations.isEmpty();
    }

    List<String> ids() {
        return List.copyOf(registrations.keySet());
    }
}
