package app.trustpulse.config;

import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start, before anything else is created, when Slack or Teams is configured without a pseudonym key from
 * outside the database (see {@link PseudonymKeySource}); {@link MissingPseudonymKeyFailureAnalyzer} says what to set.
 */
final class PseudonymKeyRequirement implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> platforms = ConfiguredPlatforms.names(environment);
        if (!platforms.isEmpty()
                && !isSet(environment, "pulse.pseudonym-secret")
                && !isSet(environment, "pulse.pseudonym-secret-file")) {
            throw new MissingPseudonymKeyException(platforms);
        }
    }

    private static boolean isSet(ConfigurableEnvironment environment, String name) {
        String value = environment.getProperty(name);
        return value != null && !value.isBlank();
    }

    /** After the configuration files and the environment variables are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
