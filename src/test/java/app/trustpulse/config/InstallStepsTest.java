package app.trustpulse.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every documented step that starts the service with Slack or Teams names the pseudonym key, without which it
 * refuses to start.
 */
class InstallStepsTest {

    private static final Pattern START = Pattern.compile("(?i)(start|run) the service(\\*\\*)? (with|on)? ?");
    /** A step ends where the next numbered step, heading or paragraph begins. */
    private static final Pattern STEP_END = Pattern.compile("\\n(\\d+\\. |#|\\*\\*[A-Z])");

    @ParameterizedTest
    @ValueSource(strings = {"docs/slack.md", "docs/teams.md"})
    void everyStartStepNamesThePseudonymKey(String file) throws IOException {
        String text = Files.readString(Path.of(file));
        List<String> steps = new ArrayList<>();
        Matcher start = START.matcher(text);
        while (start.find()) {
            int from = start.start();
            Matcher end = STEP_END.matcher(text);
            int to = end.find(start.end()) ? end.start() : text.length();
            String step = text.substring(from, to);
            if (step.matches("(?s).*(SLACK_|MICROSOFT_APP_).*")) {
                steps.add(step);
            }
        }
        assertThat(steps).as("start steps with a platform in " + file).isNotEmpty();
        assertThat(steps).allSatisfy(step -> assertThat(step).contains("PULSE_PSEUDONYM_SECRET"));
    }

    @Test
    void theReadmesInstallSectionNamesThePseudonymKey() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Install");
        assertThat(start).as("README has an Install section").isPositive();
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        assertThat(section)
                .contains("PULSE_PSEUDONYM_SECRET")
                .contains("docs/slack.md")
                .contains("docs/teams.md");
    }
}
