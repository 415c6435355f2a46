package app.trustpulse.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.support.SystemEnvironmentPropertySourceEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * An empty environment variable of the service's own counts as not set. {@code .env.example} copied unchanged, and
 * {@code docker run --env-file} with it, set many variables to nothing; without this an empty
 * {@code SPRING_DATASOURCE_URL} would replace the default database URL with nothing, and an empty
 * {@code PULSE_PSEUDONYM_SECRET_FILE} would not bind as a file. The variables are dropped from the environment before
 * anything reads it, so the default in {@code application.yml} or in the settings' own classes applies.
 */
final class EmptySettingsUnset implements EnvironmentPostProcessor, Ordered {

    /** The prefixes of the variables the service reads (see {@code .env.example}), and {@code PORT}. */
    static final List<String> OWN_PREFIXES =
            List.of("PULSE_", "SLACK_", "MICROSOFT_APP_", "TEAMS_", "SPRING_", "MANAGEMENT_", "SERVER_", "LOGGING_");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        PropertySource<?> variables = environment.getPropertySources().get(name);
        if (!(variables instanceof MapPropertySource map)) {
            return;
        }
        Map<String, Object> kept = withoutEmptyOwnSettings(map.getSource());
        if (kept.size() != map.getSource().size()) {
            environment.getPropertySources().replace(name, new SystemEnvironmentPropertySource(name, kept));
        }
    }

    static Map<String, Object> withoutEmptyOwnSettings(Map<String, Object> variables) {
        Map<String, Object> kept = new LinkedHashMap<>();
        variables.forEach((key, value) -> {
            if (!(own(key) && (value == null || value.toString().isBlank()))) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    static boolean own(String variable) {
        return variable.equals("PORT") || OWN_PREFIXES.stream().anyMatch(variable::startsWith);
    }

    /** Before Spring Boot wraps the variables (to tell where a value came from) and reads the configuration files. */
    @Override
    public int getOrder() {
        return SystemEnvironmentPropertySourceEnvironmentPostProcessor.DEFAULT_ORDER - 1;
    }
}
