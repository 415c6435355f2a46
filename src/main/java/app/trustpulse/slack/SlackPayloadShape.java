package app.trustpulse.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import com.slack.api.app_backend.events.payload.Authorization;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.util.EventsApiPayloadParser;
import com.slack.api.model.event.Event;
import com.slack.api.util.json.GsonFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a signed request to {@code /slack/events} must look like before Bolt sees it. Bolt reads fields of the raw
 * payload and takes their types for granted (an event's {@code user} object without an id, an action that is
 * {@code null}, a {@code message} that is a string): such a payload makes it throw before any listener runs. So the
 * shape is checked first: only the kinds of request the app serves (slash commands, block actions, view submissions,
 * events, Slack's URL verification and SSL check), the fields Bolt and the listeners read with their JSON types,
 * Slack's id formats and length limits, no NUL character anywhere, and finally that the payload reads as the types
 * Bolt will read it as. A problem names fields only, never their content, so that it can be logged.
 */
final class SlackPayloadShape {

    /** Above Slack's longest text (a message's 40,000 characters): no string Slack sends comes near it. */
    static final int MAX_STRING = 50_000;

    private static final Gson SLACK_GSON = GsonFactory.createSnakeCase();

    // ---- the values

    /** Slack's object ids (workspaces, users, channels, apps, bots, views): upper-case letters and digits. */
    private static final Rule SLACK_ID = string(Pattern.compile("[A-Z][A-Z0-9]{1,49}"), "a Slack id");
    /** Event ids, timestamps, trigger ids, action and callback ids, type names: printable ASCII, no spaces. */
    private static final Rule NAME = string(Pattern.compile("[\\x21-\\x7E]{1,255}"), "a name");

    private static final Rule COMMAND_NAME = string(Pattern.compile("/[^\\s\\p{Cntrl}/]{1,31}"), "a slash command");
    private static final Rule FLAG = string(Pattern.compile("true|false"), "true or false");
    private static final Rule TEXT = text(MAX_STRING);
    /** Block Kit's limits: a button's value, a modal's private metadata, a text input's value. */
    private static final Rule BUTTON_VALUE = text(2_000);

    private static final Rule METADATA = text(3_000);
    private static final Rule INPUT_VALUE = text(3_000);
    private static final Rule URL = (value, path) -> {
        String problem = text(2_000).check(value, path);
        if (problem != null) {
            return problem;
        }
        try {
            URI uri = new URI(value.getAsString());
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? null : path + " is not a web address";
        } catch (URISyntaxException e) {
            return path + " is not a web address";
        }
    };
    private static final Rule BOOLEAN = (value, path) ->
            value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() ? null : path + " is not true or false";
    private static final Rule NUMBER = (value, path) ->
            value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() ? null : path + " is not a number";
    private static final Rule ANY_OBJECT = object();
    /** A user as an id, or (in events such as user_change) as an object with one; Bolt reads both. */
    private static final Rule USER = oneOf(SLACK_ID, object(required("id", SLACK_ID)));

    // ---- the Events API

    /**
     * The fields Bolt follows to find who sent an event: the user, or the user of a changed or deleted message
     * inside it, however deep. Each must be of its type or absent.
     */
    private static final Rule USER_CARRIER = object(
            optional("user", USER),
            optional("user_id", SLACK_ID),
            optional("bot_id", SLACK_ID),
            nullable("thread_ts", NAME),
            optional("event", (value, path) -> SlackPayloadShape.USER_CARRIER.check(value, path)),
            optional("message", (value, path) -> SlackPayloadShape.INNER_MESSAGE.check(value, path)),
            optional("previous_message", (value, path) -> SlackPayloadShape.INNER_MESSAGE.check(value, path)));

    private static final Rule INNER_MESSAGE = all(USER_CARRIER, object(optional("subtype", NAME)));

    private static final Rule EVENT = all(
            USER_CARRIER,
            object(
                    required("type", NAME),
                    nullable("subtype", NAME),
                    optional("channel", oneOf(SLACK_ID, object(required("id", SLACK_ID)))),
                    optional("channel_id", SLACK_ID),
                    optional("channel_type", NAME),
                    optional("text", TEXT),
                    optional("ts", NAME),
                    optional("event_ts", NAME),
                    optional("tab", NAME),
                    optional("bot_access_token", NAME),
                    optional("function_execution_id", NAME),
                    optional(
                            "assistant_thread",
                            object(
                                    required("channel_id", SLACK_ID),
                                    required("thread_ts", NAME),
                                    required(
                                            "context",
                                            object(
                                                    nullable("enterprise_id", SLACK_ID),
                                                    nullable("team_id", SLACK_ID),
                                                    nullable("channel_id", SLACK_ID),
                                                    nullable("thread_entry_point", NAME)))))),
            // In a DM Bolt takes the channel as a string (to find an assistant thread); only other events carry
            // objects.
            (value, path) -> {
                JsonObject event = value.getAsJsonObject();
                JsonElement channel = event.get("channel");
                boolean im = event.get("channel_type") != null
                        && "im".equals(event.get("channel_type").getAsString());
                return im && channel != null && !channel.isJsonPrimitive() ? path + ".channel is not a string" : null;
            });

    private static final Rule EVENT_CALLBACK = all(
            USER_CARRIER,
            object(
                    required("type", NAME),
                    optional("token", TEXT),
                    nullable("team_id", SLACK_ID),
                    nullable("enterprise_id", SLACK_ID),
                    nullable("context_team_id", SLACK_ID),
                    nullable("context_enterprise_id", SLACK_ID),
                    optional("api_app_id", SLACK_ID),
                    required("event_id", NAME),
                    optional("event_time", NUMBER),
                    optional("event_context", TEXT),
                    optional("is_ext_shared_channel", BOOLEAN),
                    optional("authed_users", arrayOf(SLACK_ID, 0, 1_000)),
                    optional("authed_teams", arrayOf(SLACK_ID, 0, 1_000)),
                    nullable(
                            "authorizations",
                            arrayOf(
                                    object(
                                            nullable("enterprise_id", SLACK_ID),
                                            nullable("team_id", SLACK_ID),
                                            optional("user_id", SLACK_ID),
                                            optional("is_bot", BOOLEAN),
                                            optional("is_enterprise_install", BOOLEAN)),
                                    0,
                                    100)),
                    required("event", EVENT)));

    private static final Rule URL_VERIFICATION =
            object(required("type", NAME), required("challenge", NAME), optional("token", TEXT));

    // ---- interactivity

    private static final Rule INTERACTING_USER = object(
            required("id", SLACK_ID),
            optional("team_id", SLACK_ID),
            optional("username", TEXT),
            optional("name", TEXT));

    private static final Field[] INTERACTION_COMMON = {
        required("type", NAME),
        required("user", INTERACTING_USER),
        nullable(
                "team",
                object(optional("id", SLACK_ID), optional("domain", TEXT), nullable("enterprise_id", SLACK_ID))),
        nullable("enterprise", object(required("id", SLACK_ID), optional("name", TEXT))),
        optional("is_enterprise_install", BOOLEAN),
        optional("api_app_id", SLACK_ID),
        optional("token", TEXT),
        optional("trigger_id", NAME)
    };

    private static final Rule VIEW_STATE =
            object(optional("values", mapOf(mapOf(object(optional("type", NAME), nullable("value", INPUT_VALUE))))));

    private static final Rule VIEW = object(
            required("id", SLACK_ID),
            required("type", NAME),
            optional("callback_id", NAME),
            optional("private_metadata", METADATA),
            optional("hash", NAME),
            optional("team_id", SLACK_ID),
            optional("app_installed_team_id", SLACK_ID),
            optional("app_id", SLACK_ID),
            optional("bot_id", SLACK_ID),
            optional("state", VIEW_STATE),
            optional("blocks", arrayOf(ANY_OBJECT, 0, 100)));

    private static final Rule BLOCK_ACTIONS = all(
            object(INTERACTION_COMMON),
            object(
                    optional("response_url", URL),
                    optional(
                            "container",
                            object(
                                    optional("type", NAME),
                                    optional("message_ts", NAME),
                                    optional("channel_id", SLACK_ID),
                                    optional("view_id", SLACK_ID),
                                    optional("is_ephemeral", BOOLEAN),
                                    optional("thread_ts", NAME))),
                    nullable("channel", object(required("id", SLACK_ID), optional("name", TEXT))),
                    optional(
                            "message",
                            object(
                                    optional("ts", NAME),
                                    optional("text", TEXT),
                                    optional("user", SLACK_ID),
                                    optional("bot_id", SLACK_ID),
                                    optional("blocks", arrayOf(ANY_OBJECT, 0, 100)))),
                    optional("view", VIEW),
                    optional("state", VIEW_STATE),
                    // Slack sends the one element that was used; the listeners take exactly one.
                    required(
                            "actions",
                            arrayOf(
                                    object(
                                            required("action_id", NAME),
                                            optional("block_id", NAME),
                                            optional("value", BUTTON_VALUE),
                                            optional("type", NAME),
                                            optional("action_ts", NAME),
                                            optional(
                                                    "text",
                                                    object(
                                                            optional("type", NAME),
                                                            optional("text", TEXT),
                                                            optional("emoji", BOOLEAN)))),
                                    1,
                                    1))));

    private static final Rule VIEW_SUBMISSION = all(
            object(INTERACTION_COMMON),
            object(
                    required("view", all(VIEW, object(required("callback_id", NAME)))),
                    optional(
                            "response_urls",
                            arrayOf(
                                    object(
                                            optional("block_id", NAME),
                                            optional("action_id", NAME),
                                            optional("channel_id", SLACK_ID),
                                            optional("response_url", URL)),
                                    0,
                                    100))));

    // ---- slash commands: form fields, every one a string

    private static final Rule COMMAND = object(
            required("command", COMMAND_NAME),
            required("team_id", SLACK_ID),
            required("user_id", SLACK_ID),
            required("response_url", URL),
            optional("channel_id", SLACK_ID),
            optional("enterprise_id", emptyOr(SLACK_ID)),
            optional("api_app_id", SLACK_ID),
            optional("trigger_id", NAME),
            optional("is_enterprise_install", FLAG),
            optional("text", TEXT));

    /**
     * What the check found: the problem (field names only), or none; for an event callback also its event id and the
     * event's type, read once here so that neither the request's building nor its deduplication parse the body again.
     */
    record Checked(Optional<String> problem, Optional<EventCallback> event) {

        static Checked refused(String problem) {
            return new Checked(Optional.of(problem), Optional.empty());
        }

        static final Checked SERVED = new Checked(Optional.empty(), Optional.empty());
    }

    /** An event callback that passed the check: its {@code event_id} and its event's {@code type}. */
    record EventCallback(String eventId, String eventType) {}

    /** Why the body is no request the app serves (none when it is one), and what it read of an event callback. */
    Checked check(String body) {
        String trimmed = body.trim();
        if (trimmed.isEmpty()) {
            return Checked.refused("the body is empty");
        }
        // Bolt tells JSON from a form by the first character, and so does this.
        char first = trimmed.charAt(0);
        if (first != '{' && first != '[') {
            String problem = form(body);
            return problem == null ? Checked.SERVED : Checked.refused(problem);
        }
        JsonElement root;
        try {
            root = SLACK_GSON.fromJson(trimmed, JsonElement.class);
        } catch (RuntimeException e) {
            return Checked.refused("the body is not JSON");
        }
        if (root == null) {
            return Checked.refused("the body is not JSON");
        }
        String problem = eventsApi(root);
        if (problem != null) {
            return Checked.refused(problem);
        }
        JsonObject payload = root.getAsJsonObject();
        if (!"event_callback".equals(payload.get("type").getAsString())) {
            return Checked.SERVED;
        }
        return new Checked(
                Optional.empty(),
                Optional.of(new EventCallback(
                        payload.get("event_id").getAsString(),
                        payload.getAsJsonObject("event").get("type").getAsString())));
    }

    private static String eventsApi(JsonElement root) {
        String problem = plain(root);
        if (problem != null) {
            return problem;
        }
        problem = typeOf(root);
        if (problem != null) {
            return problem;
        }
        return switch (root.getAsJsonObject().get("type").getAsString()) {
            case "url_verification" -> URL_VERIFICATION.check(root, "");
            case "event_callback" ->
                firstProblem(EVENT_CALLBACK.check(root, ""), () -> readsAsEvent(root.getAsJsonObject()));
            default -> "type is not one the app serves";
        };
    }

    private static String form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0 || pair.indexOf('=', eq + 1) >= 0) {
                return "a form field is not name=value";
            }
            String name;
            String value;
            try {
                name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "a form field is not percent-encoded";
            }
            String problem = firstProblem(plainString(name), () -> plainString(value));
            if (problem != null) {
                return "a form field " + problem;
            }
            if (fields.put(name, value) != null) {
                return "a form field is repeated";
            }
        }
        if (fields.containsKey("payload")) {
            return interaction(fields.get("payload"));
        }
        if (fields.containsKey("command")) {
            JsonObject command = new JsonObject();
            fields.forEach((k, v) -> command.add(k, new JsonPrimitive(v)));
            return COMMAND.check(command, "");
        }
        if ("1".equals(fields.get("ssl_check"))) {
            return null;
        }
        return "the form is neither a command, an interaction nor an SSL check";
    }

    private static String interaction(String json) {
        JsonElement root;
        try {
            root = SLACK_GSON.fromJson(json, JsonElement.class);
        } catch (RuntimeException e) {
            return "payload is not JSON";
        }
        if (root == null) {
            return "payload is not JSON";
        }
        String problem = firstProblem(plain(root), () -> typeOf(root));
        if (problem != null) {
            return "payload: " + problem;
        }
        problem = switch (root.getAsJsonObject().get("type").getAsString()) {
            case "block_actions" ->
                firstProblem(
                        BLOCK_ACTIONS.check(root, ""), () -> readsAs(root, BlockActionPayload.class, "block actions"));
            case "view_submission" ->
                firstProblem(
                        VIEW_SUBMISSION.check(root, ""),
                        () -> readsAs(root, ViewSubmissionPayload.class, "a view submission"));
            default -> "type is not one the app serves";
        };
        return problem == null ? null : "payload: " + problem;
    }

    private static String typeOf(JsonElement root) {
        if (!root.isJsonObject()) {
            return "the payload is not an object";
        }
        return object(required("type", NAME)).check(root, "");
    }

    // ---- the types Bolt reads a payload as

    /** The envelope's fields with the types Bolt's own (private) envelope class gives them. */
    @SuppressWarnings("unused")
    private static final class Envelope {
        private String token;
        private String enterpriseId;
        private String teamId;
        private String apiAppId;
        private String type;
        private List<String> authedUsers;
        private List<String> authedTeams;
        private List<Authorization> authorizations;

        @SerializedName("is_ext_shared_channel")
        private boolean extSharedChannel;

        private String eventId;
        private Integer eventTime;
        private String eventContext;
    }

    /** The envelope, and the event as the class its listener takes (as Bolt looks it up: by type and subtype). */
    private static String readsAsEvent(JsonObject root) {
        String problem = readsAs(root, Envelope.class, "an event envelope");
        if (problem != null) {
            return problem;
        }
        JsonObject event = root.getAsJsonObject("event");
        JsonElement subtype = event.get("subtype");
        String typeAndSubtype = event.get("type").getAsString()
                + (subtype == null || subtype.isJsonNull() ? "" : ":" + subtype.getAsString());
        Class<? extends Event> listened = EventsApiPayloadParser.getEventClass(typeAndSubtype);
        return listened == null
                ? null
                : readsAs(event, listened, "a " + event.get("type").getAsString() + " event");
    }

    private static String readsAs(JsonElement json, Class<?> type, String what) {
        try {
            SLACK_GSON.fromJson(json, type);
            return null;
        } catch (RuntimeException e) {
            return "the payload does not read as " + what;
        }
    }

    // ---- every string of a payload

    /** No NUL character and no string longer than Slack sends, in any name or value however deep. */
    private static String plain(JsonElement root) {
        Deque<JsonElement> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonElement e = pending.pop();
            if (e.isJsonObject()) {
                for (Map.Entry<String, JsonElement> member : e.getAsJsonObject().entrySet()) {
                    String problem = plainString(member.getKey());
                    if (problem != null) {
                        return "a field name " + problem;
                    }
                    pending.push(member.getValue());
                }
            } else if (e.isJsonArray()) {
                e.getAsJsonArray().forEach(pending::push);
            } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                String problem = plainString(e.getAsString());
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

    private static String firstProblem(String first, java.util.function.Supplier<String> then) {
        return first != null ? first : then.get();
    }

    // ---- the rules

    /** A check of one JSON value at a path: the problem, or null when the value fits. */
    @FunctionalInterface
    private interface Rule {
        String check(JsonElement value, String path);
    }

    private record Field(String name, Rule rule, boolean required, boolean nullable) {}

    private static Field required(String name, Rule rule) {
        return new Field(name, rule, true, false);
    }

    private static Field optional(String name, Rule rule) {
        return new Field(name, rule, false, false);
    }

    /** Optional, and may be JSON null (Bolt checks for that where Slack sends it). */
    private static Field nullable(String name, Rule rule) {
        return new Field(name, rule, false, true);
    }

    /** An object whose listed fields fit; fields not listed may be anything (Bolt reads them as its types). */
    private static Rule object(Field... fields) {
        return (value, path) -> {
            if (!value.isJsonObject()) {
                return (path.isEmpty() ? "the payload" : path) + " is not an object";
            }
            JsonObject o = value.getAsJsonObject();
            for (Field f : fields) {
                String at = path.isEmpty() ? f.name() : path + "." + f.name();
                JsonElement v = o.get(f.name());
                if (v == null) {
                    if (f.required()) {
                        return at + " is missing";
                    }
                } else if (v.isJsonNull()) {
                    if (!f.nullable()) {
                        return at + " is null";
                    }
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

    /** An object used as a map: every value fits the rule. */
    private static Rule mapOf(Rule values) {
        return (value, path) -> {
            if (!value.isJsonObject()) {
                return path + " is not an object";
            }
            for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
                String problem = values.check(e.getValue(), path + ".*");
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        };
    }

    private static Rule arrayOf(Rule items, int min, int max) {
        return (value, path) -> {
            if (!value.isJsonArray()) {
                return path + " is not an array";
            }
            int size = value.getAsJsonArray().size();
            if (size < min || size > max) {
                return path + " has " + (size < min ? "too few" : "too many") + " items";
            }
            for (int i = 0; i < size; i++) {
                String problem = items.check(value.getAsJsonArray().get(i), path + "[" + i + "]");
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        };
    }

    private static Rule string(Pattern pattern, String what) {
        return (value, path) -> {
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                return path + " is not a string";
            }
            return pattern.matcher(value.getAsString()).matches() ? null : path + " is not " + what;
        };
    }

    private static Rule text(int max) {
        return (value, path) -> {
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                return path + " is not a string";
            }
            return value.getAsString().length() <= max ? null : path + " is too long";
        };
    }

    private static Rule emptyOr(Rule rule) {
        return (value, path) ->
                value.isJsonPrimitive() && value.getAsString().isEmpty() ? null : rule.check(value, path);
    }

    private static Rule oneOf(Rule first, Rule second) {
        return (value, path) -> first.check(value, path) == null
                ? null
                : second.check(value, path) == null ? null : path + " is of the wrong type";
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
