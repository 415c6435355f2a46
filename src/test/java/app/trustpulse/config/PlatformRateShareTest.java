package app.trustpulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Slack and Teams hold their instance's share of the platform's rate limits to one rule (above 0, at most 1), bound at
 * start from the environment as the service binds them, and refuse a share outside it with the same message but for
 * the setting's name. Only the benchmarks run Slack's limits faster, through a setting of their own.
 */
class PlatformRateShareTest {

    private static final String SLACK = "slack.rate-share (SLACK_RATE_SHARE)";
    private static final String TEAMS = "teams.rate-share (TEAMS_RATE_SHARE)";

    /** The settings classes by their prefix, found as the service finds them (Teams' only made when it is on). */
    private static final Map<String, Class<?>> SETTINGS = EnvExampleTest.settingsClasses().stream()
            .collect(Collectors.toMap(
                    c -> c.getAnnotation(ConfigurationProperties.class).value(), c -> c));

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.5", "1.5", "10", "50", "NaN"})
    void slackAndTeamsRefuseTheSameShareWithTheSameMessage(String share) {
        String slack = refusal("slack", Map.of("SLACK_RATE_SHARE", share));
        String teams = refusal("teams", Map.of("TEAMS_RATE_SHARE", share));

        assertThat(slack).startsWith(SLACK + " must be above 0 and at most 1");
        assertThat(teams).startsWith(TEAMS + " must be above 0 and at most 1");
        assertThat(slack.replace(SLACK, "the share")).isEqualTo(teams.replace(TEAMS, "the share"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.25", "0.5", "1"})
    void slackAndTeamsTakeAShareAboveZeroUpToOne(String share) {
        assertThat(bind("slack", Map.of("SLACK_RATE_SHARE", share))).isNotNull();
        assertThat(bind("teams", Map.of("TEAMS_RATE_SHARE", share))).isNotNull();
    }

    @Test
    void theBenchmarksCompressSlacksTimeWithASettingOfTheirOwnNotWithTheShare() {
        assertThat(bind("slack", Map.of("SLACK_RATE_SHARE", "0.5", "SLACK_BENCHMARK_TIME_COMPRESSION", "50")))
                .isNotNull();
        assertThat(refusal("slack", Map.of("SLACK_BENCHMARK_TIME_COMPRESSION", "0")))
                .startsWith(
                        "slack.benchmark-time-compression (SLACK_BENCHMARK_TIME_COMPRESSION) is for benchmarks only");
    }

    /** Why binding the platform's settings from these variables fails, as the start would report it. */
    private static String refusal(String prefix, Map<String, String> variables) {
        Throwable thrown = catchThrowable(() -> bind(prefix, variables));
        assertThat(thrown).as("binding %s from %s", prefix, variables).isNotNull();
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(thrown);
        assertThat(cause).isInstanceOf(IllegalArgumentException.class);
        return cause.getMessage();
    }

    private static Object bind(String prefix, Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                new LinkedHashMap<>(variables)));
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        return Binder.get(environment).bindOrCreate(prefix, Bindable.of(SETTINGS.get(prefix)));
    }
}
