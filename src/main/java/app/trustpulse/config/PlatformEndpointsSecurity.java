package app.trustpulse.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The platforms' endpoints, health and metrics, the playground, chart images and public assets pass untouched,
 * exactly as without Spring Security: no sign-in, no session, no CSRF token, no extra headers. Slack and the Bot
 * Framework sign their own requests, and a CSRF filter reading a form body would break Slack's signature check.
 * An auto-configuration (listed in META-INF/spring), so that every application context with a web server has it,
 * the adapters' own slice tests included, and Spring Boot's default "secure everything" chain never applies.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
public class PlatformEndpointsSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain platformEndpoints(HttpSecurity http) throws Exception {
        http.securityMatcher("/slack/**", "/api/messages", "/actuator/**", "/playground", "/playground/**", "/webjars/**",
                        "/dashboard-assets/**", "/pulse-charts/**", "/error")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * Without Spring Security's own observations: they time each filter of every request, and with them metrics code
     * took about a fifth of the CPU of a Slack acknowledgement (profiled with IngestBenchmark). Request metrics stay
     * ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
