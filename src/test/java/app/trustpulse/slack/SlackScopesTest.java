package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.Methods;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Every Slack Web API method the adapter calls has the scopes it needs in both manifests, and no manifest asks for
 * more.
 */
class SlackScopesTest {

    private static final Pattern CALL = Pattern.compile(
            "\\.(chat|conversations|users|views|files|auth|reactions|team|bots|apps|pins|usergroups)([A-Z]\\w*)\\(");
    private static final Pattern CONSTANT = Pattern.compile("Methods\\.([A-Z_]+)");

    @Test
    void everyMethodTheAdapterCallsHasItsScopesInTheTable() throws Exception {
        Set<String> called = methodsTheAdapterCalls();

        assertThat(called)
                .contains(
                        Methods.CHAT_POST_MESSAGE,
                        Methods.CONVERSATIONS_HISTORY,
                        Methods.USERS_INFO,
                        Methods.AUTH_TEST);
        assertThat(SlackScopes.BY_METHOD.keySet())
                .as("methods the adapter calls without a scope in SlackScopes")
                .containsAll(called);
        assertThat(SlackScopes.required()).containsExactlyInAnyOrderElementsOf(SlackConfiguration.BOT_SCOPES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"manifests/slack/manifest.yml", "manifests/slack/manifest-socket-mode.yml"})
    @SuppressWarnings("unchecked")
    void theManifestAsksForEveryScopeTheCodeNeedsAndNoMore(String file) throws IOException {
        Map<String, Object> manifest = new Yaml().load(Files.readString(Path.of(file)));
        Map<String, Object> oauth = (Map<String, Object>) manifest.get("oauth_config");
        List<String> scopes = (List<String>) ((Map<String, Object>) oauth.get("scopes")).get("bot");

        assertThat(scopes).containsExactlyInAnyOrderElementsOf(SlackScopes.required());
    }

    @Test
    void theMissingScopesOfAGrantAreNamed() {
        assertThat(SlackScopes.missing(String.join(",", SlackScopes.required())))
                .isEmpty();
        assertThat(SlackScopes.missing("commands, chat:write,im:write,im:history,users:read,channels:read,groups:read"))
                .containsExactly("channels:history", "files:write", "groups:history");
        assertThat(SlackScopes.missing(null)).isEqualTo(SlackScopes.required());
    }

    /** The Web API methods named in the adapter's sources, as calls ({@code chatPostMessage(}) or constants. */
    static Set<String> methodsTheAdapterCalls() throws Exception {
        Set<String> known = new HashSet<>();
        Map<String, String> byConstant = new java.util.HashMap<>();
        for (Field f : Methods.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String value = (String) f.get(null);
                known.add(value);
                byConstant.put(f.getName(), value);
            }
        }
        Set<String> called = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/app/trustpulse/slack"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher call = CALL.matcher(text);
                while (call.find()) {
                    String method = call.group(1) + "."
                            + Character.toLowerCase(call.group(2).charAt(0))
                            + call.group(2).substring(1);
                    if (known.contains(method)) {
                        called.add(method);
                    }
                }
                Matcher constant = CONSTANT.matcher(text);
                while (constant.find()) {
                    if (byConstant.containsKey(constant.group(1))) {
                        called.add(byConstant.get(constant.group(1)));
                    }
                }
            }
        }
        return called;
    }
}
