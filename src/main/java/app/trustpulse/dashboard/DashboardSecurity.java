package app.trustpulse.dashboard;

import app.trustpulse.pulse.Platform;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The dashboard's filter chain: everything under /dashboard needs a signed-in person, forms carry a CSRF token, pages
 * carry a strict content security policy and send no referrer to other sites. The actuator beside the application
 * (build, commit, metrics) is for the service's admins. The platform endpoints and health have their own chain first
 * ({@link app.trustpulse.config.PlatformEndpointsSecurity}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DashboardSecurity {

    static final String LOGIN = "/dashboard/login";

    /**
     * Scripts, styles and images from the service itself only, nothing inline, no plugins, no framing; forms post
     * only back to it (the sign-in's own redirects to Slack or Microsoft are links, which this does not govern).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain dashboard(HttpSecurity http, SignInProviders providers, Viewers viewers) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(LOGIN, LOGIN + "/**", "/oauth2/**", "/login/oauth2/**")
                        .permitAll()
                        .requestMatchers("/dashboard", "/dashboard/**")
                        .authenticated()
                        // Health has its own chain; build, commit and metrics are for the service's admins.
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                        .access(serviceAdmins(viewers))
                        .anyRequest()
                        .permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN)))
                .logout(l -> l.logoutUrl("/dashboard/logout").logoutSuccessUrl(LOGIN + "?signedOut"));
        if (!providers.isEmpty()) {
            http.oauth2Login(o -> o.clientRegistrationRepository(providers.repository())
                    .loginPage(LOGIN)
                    .defaultSuccessUrl("/dashboard", true)
                    .failureUrl(LOGIN + "?failed"));
        }
        return http.build();
    }

    /**
     * Someone signed in with Slack or Microsoft whom {@code PULSE_ADMINS} names. Not a playground person: anyone can
     * sign in as one while the playground is on.
     */
    private static AuthorizationManager<RequestAuthorizationContext> serviceAdmins(Viewers viewers) {
        return (authentication, context) -> new AuthorizationDecision(viewers.of(authentication.get())
                .filter(v -> v.admin() && v.platform() != Platform.PLAYGROUND)
                .isPresent());
    }
}
