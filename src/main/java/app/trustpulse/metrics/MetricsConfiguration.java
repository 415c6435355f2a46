package app.trustpulse.metrics;

import app.trustpulse.pulse.PulseMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's own metrics on the application's meter registry (exposed at {@code /actuator/prometheus}). */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    PulseMetrics pulseMetrics(MeterRegistry registry) {
        return new MicrometerPulseMetrics(registry);
    }
}
