package app.trustpulse.metrics;

import app.trustpulse.pulse.PulseMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/** The service's own metrics on the application's meter registry (exposed at {@code /actuator/prometheus}). */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    PulseMetrics pulseMetrics(MeterRegistry registry) {
        return new MicrometerPulseMetrics(registry);
    }

    /** The paths the platforms call with every message, click and event (as in {@code PlatformEndpointsSecurity}). */
    static final Set<String> PLATFORM_CALLS = Set.of("/slack/events", "/api/messages");

    /**
     * The platforms' calls are not timed as HTTP requests ({@code http.server.requests}): timing one took about a tenth
     * of an acknowledgement's CPU (profiled with IngestBenchmark, see docs/performance.md), and what they lead to is
     * counted where it happens (the queue's gauges, messages sent, answers recorded). Every other request still is.
     */
    @Bean
    ObservationPredicate platformCallsUntimed() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && PLATFORM_CALLS.contains(request.getCarrier().getRequestURI()));
    }
}
