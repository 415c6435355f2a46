package app.trustpulse.slack;

import com.slack.api.methods.Methods;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bot scopes each Slack Web API method the adapter calls needs, and those its events and command need. Both
 * manifests ask for exactly these ({@link SlackConfiguration#BOT_SCOPES}), and {@code /pulse doctor} compares them
 * with the scopes the installed token was granted.
 */
final class SlackScopes {

    /** Per method, every scope it needs: a channel may be public or private, so both kinds where it matters. */
    static final Map<String, List<String>> BY_METHOD = Map.ofEntries(
            Map.entry(Methods.CHAT_POST_MESSAGE, List.of("chat:write")),
            Map.entry(Methods.CHAT_POST_EPHEMERAL, List.of("chat:write")),
            Map.entry(Methods.CHAT_UPDATE, List.of("chat:write")),
            // The safe retry of a channel post looks whether the first try landed.
            Map.entry(Methods.CONVERSATIONS_HISTORY, List.of("channels:history", "groups:history")),
            Map.entry(Methods.CONVERSATIONS_MEMBERS, List.of("channels:read", "groups:read")),
            Map.entry(Methods.CONVERSATIONS_OPEN, List.of("im:write")),
            Map.entry(Methods.USERS_INFO, List.of("users:read")),
            // The chart of a pulse without a public address: uploaded as a file private to the app.
            Map.entry(Methods.FILES_GET_UPLOAD_URL_EXTERNAL, List.of("files:write")),
            Map.entry(Methods.FILES_COMPLETE_UPLOAD_EXTERNAL, List.of("files:write")),
            Map.entry(Methods.USERS_LIST, List.of("users:read")),
            Map.entry(Methods.VIEWS_OPEN, List.of()),
            Map.entry(Methods.VIEWS_PUBLISH, List.of()),
            Map.entry(Methods.AUTH_TEST, List.of()));

    /** The slash command /pulse, and the direct messages people type (event message.im). */
    static final List<String> BESIDE_METHODS = List.of("commands", "im:history");

    private SlackScopes() {}

    static Set<String> required() {
        Set<String> all = new TreeSet<>(BESIDE_METHODS);
        BY_METHOD.values().forEach(all::addAll);
        return all;
    }

    /** Those of the required scopes a token was not granted, from auth.test's {@code x-oauth-scopes} header. */
    static Set<String> missing(String granted) {
        Set<String> have = new TreeSet<>();
        for (String scope : granted == null ? new String[0] : granted.split(",")) {
            have.add(scope.strip());
        }
        Set<String> missing = new TreeSet<>(required());
        missing.removeAll(have);
        return missing;
    }
}
