package app.trustpulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.support.SystemEnvironmentPropertySourceEnvironmentPostProcessor;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * {@code .env.example} is the install's list of settings: copied unchanged (or given to {@code docker run --env-file})
 * it starts the service as if nothing were set, it names every setting the service reads, each with an explanation,
 * and nothing the service does not read.
 */
class EnvExampleTest {

    private static final Path ENV_EXAMPLE = Path.of(".env.example");
    private static final Pattern ENTRY = Pattern.compile("^#?\\s?([A-Z][A-Z0-9_]*)=(.*)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    /** Spring Boot's own settings the install documents, which no class or placeholder of the service names. */
    private static final org.springframework.boot.SpringApplication NO_APPLICATION =
            new org.springframework.boot.SpringApplication();

    private static final Set<String> SPRING_BOOT_SETTINGS = Set.of("SPRING_PROFILES_ACTIVE", "MANAGEMENT_SERVER_PORT");

    /** Properties of a shared settings type that mean nothing in one place: Slack's sign-in has no tenant. */
    private static final Set<String> NOT_SETTINGS = Set.of("pulse.dashboard.slack.tenant-id");

    @Test
    void theExampleCopiedUnchangedStartsAsIfNothingWereSet() throws IOException {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ENV_EXAMPLE)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                variables.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertThat(variables)
                .containsEntry("SPRING_DATASOURCE_URL", "")
                .containsEntry("PULSE_PSEUDONYM_SECRET_FILE", "");
        StandardEnvironment environment = environmentOf(variables);

        new EmptySettingsUnset().postProcessEnvironment(environment, NO_APPLICATION);
        new SystemEnvironmentPropertySourceEnvironmentPostProcessor()
                .postProcessEnvironment(environment, NO_APPLICATION);
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        new PseudonymKeyRequirement().postProcessEnvironment(environment, NO_APPLICATION);
        new H2DurableCommits().postProcessEnvironment(environment, NO_APPLICATION);

        assertThat(environment.getActiveProfiles()).isEmpty();
        assertThat(environment.getProperty("spring.datasource.url"))
                .startsWith("jdbc:h2:file:./data/trust-pulse;MODE=PostgreSQL")
                .endsWith("WRITE_DELAY=0");
        assertThat(environment.getProperty("server.port")).isEqualTo("8080");
        assertThat(environment.getProperty("pulse.dashboard.slack.client-id")).isEmpty();
        Binder binder = Binder.get(environment);
        for (Class<?> settings : settingsClasses()) {
            String prefix = prefixOf(settings);
            assertThatCode(() -> binder.bindOrCreate(prefix, Bindable.of(settings)))
                    .as("binding %s (%s)", settings.getSimpleName(), prefix)
                    .doesNotThrowAnyException();
        }
        PulseProperties pulse = binder.bindOrCreate("pulse", PulseProperties.class);
        assertThat(pulse.pseudonymSecretFile()).isEmpty();
        assertThat(pulse.pseudonymSecret()).isEmpty();
        assertThat(ConfiguredPlatforms.names(environment)).isEmpty();
    }

    @Test
    void theServiceDropsEmptyVariablesAtEveryStart() throws IOException {
        String factories = new ClassPathResource("META-INF/spring.factories")
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(factories).contains(EmptySettingsUnset.class.getName());
    }

    @Test
    void onlyTheServicesOwnEmptyVariablesAreDropped() {
        StandardEnvironment environment = environmentOf(Map.of(
                "SLACK_BOT_TOKEN", "", "PULSE_ADMINS", " ", "PORT", "", "HOME", "", "PULSE_DEFAULT_LANGUAGE", "nl"));
        new EmptySettingsUnset().postProcessEnvironment(environment, NO_APPLICATION);

        assertThat(environment.containsProperty("slack.bot-token")).isFalse();
        assertThat(environment.containsProperty("PULSE_ADMINS")).isFalse();
        assertThat(environment.containsProperty("PORT")).isFalse();
        assertThat(environment.getProperty("HOME")).isEmpty();
        assertThat(environment.getProperty("pulse.default-language")).isEqualTo("nl");
    }

    @Test
    void theExampleListsEverySettingTheServiceReadsWithAnExplanation() throws IOException {
        Set<String> read = settingsTheServiceReads();
        Map<String, Boolean> listed = listedWithExplanation();

        assertThat(listed.keySet())
                .as("settings the service reads but .env.example does not list")
                .containsAll(read);
        Set<String> unread = new TreeSet<>(listed.keySet());
        unread.removeAll(read);
        assertThat(unread)
                .as(".env.example lists settings the service does not read")
                .isEmpty();
        assertThat(listed.entrySet().stream()
                        .filter(e -> !e.getValue())
                        .map(Map.Entry::getKey)
                        .toList())
                .as("settings in .env.example without an explanation above them")
                .isEmpty();
    }

    @Test
    void theConfigurationTableNamesOnlyListedSettings() throws IOException {
        String section = Files.readString(Path.of("docs/configuration.md"));
        Set<String> named = new TreeSet<>();
        for (String row : section.lines().filter(l -> l.startsWith("| `")).toList()) {
            Matcher m = Pattern.compile("`([A-Z][A-Z0-9_]*)(?:=[^`]*)?`").matcher(row.split("\\|")[1]);
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(listedWithExplanation().keySet())
                .as("docs/configuration.md names settings .env.example lacks")
                .containsAll(named);
    }

    /** The placeholders of the configuration files, and the relaxed names of every settings class's properties. */
    static Set<String> settingsTheServiceReads() throws IOException {
        Set<String> read = new TreeSet<>(SPRING_BOOT_SETTINGS);
        Set<String> fromFiles = new TreeSet<>();
        for (String file : List.of("application.yml", "application-postgres.yml")) {
            for (var source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                    String value = String.valueOf(source.getProperty(name));
                    Matcher m = PLACEHOLDER.matcher(value);
                    boolean placeholder = false;
                    while (m.find()) {
                        read.add(m.group(1));
                        placeholder = true;
                    }
                    if (placeholder) {
                        fromFiles.add(name);
                    }
                }
            }
        }
        for (Class<?> settings : settingsClasses()) {
            for (String property : properties(prefixOf(settings), settings)) {
                // A property the configuration file fills from a variable of its own is set through that variable.
                if (!fromFiles.contains(property) && !NOT_SETTINGS.contains(property)) {
                    read.add(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
                }
            }
        }
        return read;
    }

    private static List<String> properties(String prefix, Class<?> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "."
                    + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            Class<?> componentType = component.getType();
            if (componentType.isRecord() && componentType.getName().startsWith("app.trustpulse.")) {
                names.addAll(properties(name, componentType));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    /** Every variable .env.example names (set or commented out), and whether a comment explains it. */
    static Map<String, Boolean> listedWithExplanation() throws IOException {
        Map<String, Boolean> listed = new LinkedHashMap<>();
        boolean explained = false;
        for (String line : Files.readAllLines(ENV_EXAMPLE)) {
            Matcher entry = ENTRY.matcher(line);
            if (entry.matches()) {
                listed.put(entry.group(1), explained);
            } else if (line.isBlank()) {
                explained = false;
            } else if (line.startsWith("#") && !line.startsWith("# ---")) {
                explained = true;
            }
        }
        return listed;
    }

    static List<Class<?>> settingsClasses() {
        // With Teams switched on, so that its settings (only made when it is) are found too.
        StandardEnvironment teamsOn = environmentOf(Map.of("MICROSOFT_APP_ID", "app"));
        var scanner = new ClassPathScanningCandidateComponentProvider(false, teamsOn) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition d) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("app.trustpulse")) {
            try {
                classes.add(Class.forName(definition.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(classes).hasSizeGreaterThanOrEqualTo(9);
        return classes;
    }

    private static String prefixOf(Class<?> settings) {
        return settings.getAnnotation(ConfigurationProperties.class).value();
    }

    private static StandardEnvironment environmentOf(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                new LinkedHashMap<>(variables)));
        return environment;
    }
}
