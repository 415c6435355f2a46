package app.trustpulse.config;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The platforms' endpoints, health (and the management port's actuator), the playground, chart images and public
 * assets pass untouched, exactly as without Spring Security: no sign-in, no session, no CSRF token, no extra headers.
 * Slack and the Bot
 * Framework sign their own requests, and a CSRF filter reading a form body would break Slack's signature check.
 * An auto-configuration (listed in META-INF/spring), so that every application context with a web server has it,
 * the adapters' own slice tests included, and Spring Boot's default "secure everything" chain never applies.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
public class PlatformEndpointsSecurity {

    /**
     * The two paths the platforms call with every message, click and event, signed (Slack) or token-checked (the Bot
     * Framework) by their adapters: a chain of their own without a filter, as an acknowledgement's CPU is the service's
     * cost per request.
     */
    static final String[] PLATFORM_CALLS = {"/slack/events", "/api/messages"};

    @Bean
    @Order(0)
    SecurityFilterChain platformCalls(HttpSecurity http) throws Exception {
        http.securityMatchers(m -> m.requestMatchers(PLATFORM_CALLS))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain platformEndpoints(HttpSecurity http, Environment environment) throws Exception {
        http.securityMatchers(m -> m.requestMatchers(
                                "/slack/**",
                                "/api/messages",
                                "/playground",
                                "/playground/**",
                                "/webjars/**",
                                "/dashboard-assets/**",
                                "/pulse-charts/**",
                                "/error")
                        .requestMatchers(openActuator(environment)))
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
     * Health is open to the probes wherever it is. The rest of the actuator (build and commit, metrics) is open only
     * on a management port of its own ({@code management.server.port}), which only the cluster reaches; beside the
     * application it is for admins signed in to the dashboard ({@link app.trustpulse.dashboard.DashboardSecurity}).
     * Both matchers know the port: on a management port of its own they match its requests only.
     */
    private static RequestMatcher openActuator(Environment environment) {
        return ManagementPortType.get(environment) == ManagementPortType.DIFFERENT
                ? EndpointRequest.toAnyEndpoint()
                : EndpointRequest.to(HealthEndpoint.class);
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
