package app.trustpulse.dashboard;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The dashboard's filter chain: everything under /dashboard needs a signed-in person, forms carry a CSRF token.
 * The platform endpoints have their own chain first ({@link app.trustpulse.config.PlatformEndpointsSecurity}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DashboardSecurity {

    static final String LOGIN = "/dashboard/login";

    @Bean
    @Order(2)
    SecurityFilterChain dashboard(HttpSecurity http, SignInProviders providers) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(LOGIN, LOGIN + "/**", "/oauth2/**", "/login/oauth2/**").permitAll()
                        .requestMatchers("/dashboard", "/dashboard/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN)))
                .logout(l -> l.logoutUrl("/dashboard/logout").logoutSuccessUrl(LOGIN + "?signedOut"));
        if (!providers.isEmpty()) {
            http.oauth2Login(o -> o.loginPage(LOGIN).defaultSuccessUrl("/dashboard", true)
                    .failureUrl(LOGIN + "?failed"));
        }
        return http.build();
    }

}
