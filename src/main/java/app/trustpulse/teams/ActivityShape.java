package app.trustpulse.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an activity posted to {@code /api/messages} must look like before the adapter stores it for handling. The
 * SDK's Jackson turns numbers and booleans into strings and keeps unknown fields of an account, so a wrongly typed or
 * oversized activity would only fail later, on the queue, where nobody can answer 400 any more. Checked here: the
 * fields the token check and {@link PulseActivities} read, with their JSON types and lengths that fit the tables
 * they are stored in, and no NUL character or string longer than Teams sends anywhere. A problem names fields only,
 * never their content, so that it can be logged.
 */
final class ActivityShape {

    /** Above anything Teams sends in one string (a message is at most about 28 KB). */
    static final int MAX_STRING = 50_000;
    /** A stored conversation reference (a person, the bot, the conversation) has 4,000 characters; each part 1,000. */
    private static final int MAX_ACCOUNT_JSON = 1_000;
    /** The activity types {@link PulseActivities} acts on; they need a sender, a recipient and a conversation. */
    private static final Set<String> HANDLED = Set.of("message", "conversationUpdate", "installationUpdate");

    /** Type names, channel ids, locales, actions: printable ASCII, no spaces. */
    private static final Rule NAME = string(Pattern.compile("[\\x21-\\x7E]{1,255}"), "a name");
    /** Teams' ids of people, conversations, teams, channels and activities: no spaces, at most the stored 300. */
    private static final Rule ID = string(Pattern.compile("[^\\s\\p{Cntrl}]{1,300}"), "an id");
    /** Tenants, Entra ID objects and groups: at most the stored 100. */
    private static final Rule GUID = string(Pattern.compile("[\\x21-\\x7E]{1,100}"), "an id");

    private static final Rule DISPLAY_NAME = text(300);
    private static final Rule TEXT = text(MAX_STRING);
    private static final Rule BOOLEAN = (value, path) -> value.isBoolean() ? null : path + " is not true or false";
    private static final Rule SERVICE_URL = (value, path) -> {
        String problem = text(500).check(value, path);
        if (problem != null) {
            return problem;
        }
        try {
            URI uri = new URI(value.asText());
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? null : path + " is not a web address";
        } catch (URISyntaxException e) {
            return path + " is not a web address";
        }
    };

    private static final Rule ACCOUNT = all(
            object(
                    required("id", ID),
                    optional("name", DISPLAY_NAME),
                    optional("aadObjectId", GUID),
                    optional("role", NAME)),
            small());

    private static final Rule CONVERSATION = all(
            object(
                    required("id", ID),
                    optional("tenantId", GUID),
                    optional("conversationType", NAME),
                    optional("isGroup", BOOLEAN),
                    optional("name", DISPLAY_NAME)),
            small());

    private static final Rule CHANNEL_DATA = object(
            optional("tenant", object(required("id", GUID))),
            optional("team", object(optional("id", ID), optional("name", DISPLAY_NAME), optional("aadGroupId", GUID))),
            optional("channel", object(optional("id", ID), optional("name", DISPLAY_NAME))),
            optional("eventType", NAME));

    private static final Rule ENTITY = object(
            required("type", NAME),
            optional("text", TEXT),
            optional("mentioned", object(required("id", ID), optional("name", DISPLAY_NAME))));

    private static Rule activity(boolean handled) {
        Field from = handled ? required("from", ACCOUNT) : optional("from", ACCOUNT);
        Field recipient = handled ? required("recipient", ACCOUNT) : optional("recipient", ACCOUNT);
        Field conversation = handled ? required("conversation", CONVERSATION) : optional("conversation", CONVERSATION);
        return object(
                required("type", NAME),
                optional("id", NAME),
                required("serviceUrl", SERVICE_URL),
                required("channelId", NAME),
                from,
                recipient,
                conversation,
                optional("channelData", CHANNEL_DATA),
                optional("membersAdded", arrayOf(ACCOUNT, 10_000)),
                optional("membersRemoved", arrayOf(ACCOUNT, 10_000)),
                optional("entities", arrayOf(ENTITY, 1_000)),
                optional("attachments", arrayOf(object(), 100)),
                optional("text", TEXT),
                optional("textFormat", NAME),
                optional("locale", NAME),
                optional("action", NAME),
                optional("name", NAME),
                optional("replyToId", NAME),
                optional("timestamp", NAME),
                optional("localTimestamp", NAME));
    }

    private static final Rule HANDLED_ACTIVITY = activity(true);
    private static final Rule OTHER_ACTIVITY = activity(false);

    /** What the token check reads of the activity: its type, service URL and channel. */
    private static final Rule TOKEN_INPUTS =
            object(required("type", NAME), required("serviceUrl", SERVICE_URL), required("channelId", NAME));

    /** Whether the parts the token check reads fit; checked before the token, so that no oversized value reaches it. */
    Optional<String> tokenInputsProblem(JsonNode activity) {
        return Optional.ofNullable(TOKEN_INPUTS.check(activity, ""));
    }

    /** Why the activity is none the adapter can store and handle, in field names only; empty when it is one. */
    Optional<String> problem(JsonNode activity) {
        String problem = plain(activity);
        if (problem == null) {
            boolean handled = activity.path("type").isTextual()
                    && HANDLED.contains(activity.path("type").asText());
            problem = (handled ? HANDLED_ACTIVITY : OTHER_ACTIVITY).check(activity, "");
        }
        return Optional.ofNullable(problem);
    }

    /** No NUL character and no string longer than Teams sends, in any name or value however deep. */
    private static String plain(JsonNode root) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    String problem = plainString(field.getKey());
                    if (problem != null) {
                        return "a field name " + problem;
                    }
                    pending.push(field.getValue());
                }
            } else if (node.isArray()) {
                node.forEach(pending::push);
            } else if (node.isTextual()) {
                String problem = plainString(node.asText());
                if (problem != null) {
                    return "a string " + problem;
                }
            }
        }
        return null;
    }

    private static String plainString(String s) {
        if (s.length() > MAX_STRING) {
            return "is too long";
        }
        return s.indexOf('\u0000') >= 0 ? "holds a NUL character" : null;
    }

    // ---- the rules

    /** A check of one JSON value at a path: the problem, or null when the value fits. */
    @FunctionalInterface
    private interface Rule {
        String check(JsonNode value, String path);
    }

    private record Field(String name, Rule rule, boolean required) {}

    private static Field required(String name, Rule rule) {
        return new Field(name, rule, true);
    }

    private static Field optional(String name, Rule rule) {
        return new Field(name, rule, false);
    }

    /** An object whose listed fields fit (absent, or of their type: never null); other fields may be anything. */
    private static Rule object(Field... fields) {
        return (value, path) -> {
            if (!value.isObject()) {
                return (path.isEmpty() ? "the activity" : path) + " is not an object";
            }
            for (Field f : fields) {
                String at = path.isEmpty() ? f.name() : path + "." + f.name();
                JsonNode v = value.get(f.name());
                if (v == null) {
                    if (f.required()) {
                        return at + " is missing";
                    }
                } else if (v.isNull()) {
                    return at + " is null";
                } else {
                    String problem = f.rule().check(v, at);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
            return null;
        };
    }

    private static Rule arrayOf(Rule items, int max) {
        return (value, path) -> {
            if (!value.isArray()) {
                return path + " is not an array";
            }
            if (value.size() > max) {
                return path + " has too many items";
            }
            for (int i = 0; i < value.size(); i++) {
                String problem = items.check(value.get(i), path + "[" + i + "]");
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        };
    }

    private static Rule string(Pattern pattern, String what) {
        return (value, path) -> {
            if (!value.isTextual()) {
                return path + " is not a string";
            }
            return pattern.matcher(value.asText()).matches() ? null : path + " is not " + what;
        };
    }

    private static Rule text(int max) {
        return (value, path) -> {
            if (!value.isTextual()) {
                return path + " is not a string";
            }
            return value.asText().length() <= max ? null : path + " is too long";
        };
    }

    /** Small enough, as JSON, to be stored as part of a conversation reference. */
    private static Rule small() {
        return (value, path) -> value.toString().length() <= MAX_ACCOUNT_JSON ? null : path + " is too large";
    }

    private static Rule all(Rule... rules) {
        return (value, path) -> {
            for (Rule rule : rules) {
                String problem = rule.check(value, path);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        };
    }
}
