package app.trustpulse.config;

import app.trustpulse.privacy.ApplyingRetention;
import app.trustpulse.privacy.RetentionStore;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Retention and answer mixing; the scheduler runs them (schedule.SchedulingConfiguration). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
public class PrivacyConfig {

    @Bean
    ApplyingRetention applyingRetention(RetentionStore store, RetentionProperties properties, Clock clock) {
        return new ApplyingRetention(store, properties.policy(), clock);
    }
}
