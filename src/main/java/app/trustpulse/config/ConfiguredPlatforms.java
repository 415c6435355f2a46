package app.trustpulse.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Which real chat platforms the environment switches on: Slack as soon as any of its credentials is set, Teams with
 * an app id or with unauthenticated use (the Bot Framework Emulator). The adapters' own switches ask here too.
 */
public final class ConfiguredPlatforms {

    private static final List<String> SLACK_SETTINGS = List.of(
            "slack.bot-token", "slack.signing-secret", "slack.client-id", "slack.client-secret", "slack.app-token");

    private ConfiguredPlatforms() {}

    public static boolean slack(Environment env) {
        Binder binder = Binder.get(env);
        return SLACK_SETTINGS.stream()
                .anyMatch(name ->
                        binder.bind(name, String.class).map(v -> !v.isBlank()).orElse(false));
    }

    public static boolean teams(Environment env) {
        String appId = env.getProperty("microsoft.app.id", "");
        return !appId.isBlank() || env.getProperty("teams.allow-unauthenticated", Boolean.class, false);
    }

    /** The names of the real platforms switched on, for messages; empty when there are none. */
    public static List<String> names(Environment env) {
        List<String> names = new ArrayList<>();
        if (slack(env)) {
            names.add("Slack");
        }
        if (teams(env)) {
            names.add("Microsoft Teams");
        }
        return names;
    }
}
