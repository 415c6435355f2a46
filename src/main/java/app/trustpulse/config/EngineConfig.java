package app.trustpulse.config;

import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInPlanner;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseModule;
import app.trustpulse.pulse.Sealer;
import app.trustpulse.pulse.SecretStore;
import app.trustpulse.pulse.Texts;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What every module of the core shares: the one clock, the texts, the platforms' gateways, and what the pulse module
 * makes ({@link PulseModule}: the pseudonyms, the sealer, a person's own answers and the check-in planner). Each
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

    /** The one secret every key for personal data is derived from, and the one it replaced, if any. */
    record PersonalDataSecret(byte[] current, List<byte[]> retired) {}

    @Bean
    PersonalDataSecret personalDataSecret(PulseProperties properties, SecretStore secrets, Environment environment) {
        return new PersonalDataSecret(
                PseudonymKeySource.resolve(
                        properties.pseudonymSecret(),
                        properties.pseudonymSecretFile(),
                        ConfiguredPlatforms.names(environment),
                        secrets),
                PseudonymKeySource.retired(properties.pseudonymSecretRetired()));
    }

    @Bean
    PulseModule pulseModule(PersonalDataSecret secret) {
        return new PulseModule(secret.current(), secret.retired());
    }

    @Bean
    Pseudonymizer pseudonymizer(PulseModule pulse) {
        return pulse.pseudonyms();
    }

    @Bean
    Sealer sealer(PulseModule pulse) {
        return pulse.sealer();
    }

    @Bean
    PersonalAnswers personalAnswers(PulseModule pulse, AnswerRepository answers) {
        return pulse.personalAnswers(answers);
    }

    @Bean
    CheckInPlanner checkInPlanner(PulseModule pulse) {
        return pulse.checkInPlanner();
    }

    @Bean
    ChatGateways chatGateways(List<ChatGateway> gateways, PulseMetrics metrics) {
        return new ChatGateways(gateways, metrics);
    }
}
