package app.trustpulse.config;

import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.SecretStore;
import app.trustpulse.pulse.Texts;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What every module of the core shares: the one clock, the texts, the pseudonyms and the platforms' gateways. Each
 * module's own use cases are wired beside it ({@link CheckInConfig}, {@link NudgeConfig}, {@link SummaryConfig},
 * {@link CommandConfig}, {@link InboundConfig}), with plain constructors, so the core carries no Spring annotations.
 */
@Configuration(proxyBeanMethods = false)
public class EngineConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Texts texts() {
        return new Texts();
    }

    @Bean
    Pseudonymizer pseudonymizer(PulseProperties properties, SecretStore secrets, Environment environment) {
        return new Pseudonymizer(PseudonymKeySource.resolve(properties.pseudonymSecret(), properties.pseudonymSecretFile(),
                ConfiguredPlatforms.names(environment), secrets));
    }

    @Bean
    ChatGateways chatGateways(List<ChatGateway> gateways, PulseMetrics metrics) {
        return new ChatGateways(gateways, metrics);
    }
}
