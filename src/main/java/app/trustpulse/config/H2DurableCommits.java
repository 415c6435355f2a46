package app.trustpulse.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes an embedded H2 file database durable per commit. By default H2 writes commits to its file up to 500 ms late
 * (WRITE_DELAY), and a process killed in that window loses them: an acknowledged request disappears, and a message
 * whose sending was recorded is sent again (measured: 4–7 of 80 people got a second check-in after a kill -9).
 * {@code WRITE_DELAY=0} writes each commit before it returns. An H2 URL given without the setting gets it; one that
 * sets it is left alone, and the start warns when it is not 0 ({@code app.trustpulse.persistence.H2Durability}).
 * Databases H2 serves over the network (tcp:, ssl:) keep the server's setting, and in-memory ones have no file.
 */
final class H2DurableCommits implements EnvironmentPostProcessor, Ordered {

    static final String URL = "spring.datasource.url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        durable(environment.getProperty(URL))
                .ifPresent(url -> environment
                        .getPropertySources()
                        .addFirst(new MapPropertySource("h2DurableCommits", Map.of(URL, url))));
    }

    /** The URL with {@code WRITE_DELAY=0} added, when it is an embedded H2 file database that does not set it. */
    static Optional<String> durable(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            return Optional.empty();
        }
        String[] parts = url.substring("jdbc:h2:".length()).split(";");
        String database = parts[0].toLowerCase(Locale.ROOT);
        if (database.startsWith("mem:")
                || database.startsWith("tcp:")
                || database.startsWith("ssl:")
                || database.startsWith("zip:")) {
            return Optional.empty();
        }
        boolean set = Arrays.stream(parts)
                .skip(1)
                .anyMatch(p -> p.trim().toUpperCase(Locale.ROOT).startsWith("WRITE_DELAY="));
        return set ? Optional.empty() : Optional.of(url + (url.endsWith(";") ? "" : ";") + "WRITE_DELAY=0");
    }

    /** After the configuration files and the environment variables are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
