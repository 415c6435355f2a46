package app.trustpulse.slack;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sends requests to the app the way Slack does: real payload shapes, signed with the signing secret. */
final class SlackClientSim {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String eventsUrl;
    private final String secret;
    private final String teamId;
    private final Gson gson = new Gson();

    SlackClientSim(int port, String secret, String teamId) {
        this.eventsUrl = "http://127.0.0.1:" + port + "/slack/events";
        this.secret = secret;
        this.teamId = teamId;
    }

    // ---- payloads

    /** The form Slack posts for a slash command (should_escape on: mentions arrive as {@code <@U…|name>}). */
    String slashCommand(String userId, String channelId, String text, String responseUrl) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy-verification-token");
        f.put("team_id", teamId);
        f.put("team_domain", "acme");
        f.put("channel_id", channelId);
        f.put("channel_name", channelId.startsWith("D") ? "directmessage" : "team-rocket");
        f.put("user_id", userId);
        f.put("user_name", userId.toLowerCase());
        f.put("command", "/pulse");
        f.put("text", text);
        f.put("api_app_id", "A0APP");
        f.put("is_enterprise_install", "false");
        f.put("response_url", responseUrl);
        f.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return form(f);
    }

    /** {@code block_actions} from a button on a bot message in a DM. */
    String blockAction(
            String userId,
            String channelId,
            String messageTs,
            String actionId,
            String value,
            String responseUrl,
            JsonArray messageBlocks) {
        JsonObject p = new JsonObject();
        p.addProperty("type", "block_actions");
        p.add(
                "user",
                obj("id", userId, "username", userId.toLowerCase(), "name", userId.toLowerCase(), "team_id", teamId));
        p.addProperty("api_app_id", "A0APP");
        p.addProperty("token", "legacy-verification-token");
        p.add(
                "container",
                obj("type", "message", "message_ts", messageTs, "channel_id", channelId, "is_ephemeral", false));
        p.addProperty(
                "trigger_id",
                "12466734323.1395872398.6b8b9d4ef"
                        + UUID.randomUUID().toString().substring(0, 6));
        p.add("team", obj("id", teamId, "domain", "acme"));
        p.addProperty("is_enterprise_install", false);
        p.add("channel", obj("id", channelId, "name", "directmessage"));
        JsonObject message = obj(
                "bot_id",
                "BBOT",
                "type",
                "message",
                "text",
                "check-in",
                "user",
                "UBOT",
                "ts",
                messageTs,
                "team",
                teamId);
        message.add("blocks", messageBlocks == null ? new JsonArray() : messageBlocks);
        p.add("message", message);
        p.add("state", obj());
        p.addProperty("response_url", responseUrl);
        JsonObject action = obj(
                "action_id",
                actionId,
                "block_id",
                "tp:b0",
                "value",
                value,
                "type",
                "button",
                "action_ts",
                String.format("%.6f", Instant.now().toEpochMilli() / 1000.0 + Math.random()));
        action.add("text", obj("type", "plain_text", "text", "x", "emoji", true));
        JsonArray actions = new JsonArray();
        actions.add(action);
        p.add("actions", actions);
        return "payload=" + enc(gson.toJson(p));
    }

    /** {@code view_submission} of a modal with one text input. */
    String viewSubmission(String userId, String viewId, String hash, String privateMetadata, String text) {
        JsonObject p = new JsonObject();
        p.addProperty("type", "view_submission");
        p.add("team", obj("id", teamId, "domain", "acme"));
        p.add(
                "user",
                obj("id", userId, "username", userId.toLowerCase(), "name", userId.toLowerCase(), "team_id", teamId));
        p.addProperty("api_app_id", "A0APP");
        p.addProperty("token", "legacy-verification-token");
        p.addProperty("trigger_id", "1111.2222.3333");
        p.addProperty("is_enterprise_install", false);
        JsonObject view = obj(
                "id",
                viewId,
                "team_id",
                teamId,
                "type",
                "modal",
                "private_metadata",
                privateMetadata,
                "callback_id",
                BlockKit.INPUT_CALLBACK,
                "hash",
                hash,
                "app_id",
                "A0APP",
                "bot_id",
                "BBOT");
        JsonObject value = obj("type", "plain_text_input", "value", text);
        JsonObject block = new JsonObject();
        block.add(BlockKit.INPUT_ACTION, value);
        JsonObject values = new JsonObject();
        values.add(BlockKit.INPUT_BLOCK, block);
        JsonObject state = new JsonObject();
        state.add("values", values);
        view.add("state", state);
        view.add("blocks", new JsonArray());
        p.add("view", view);
        p.add("response_urls", new JsonArray());
        return "payload=" + enc(gson.toJson(p));
    }

    /** An Events API {@code event_callback} envelope around an event. */
    String event(String eventId, JsonObject event) {
        JsonObject p = new JsonObject();
        p.addProperty("token", "legacy-verification-token");
        p.addProperty("team_id", teamId);
        p.addProperty("api_app_id", "A0APP");
        p.add("event", event);
        p.addProperty("type", "event_callback");
        p.addProperty("event_id", eventId);
        p.addProperty("event_time", Instant.now().getEpochSecond());
        JsonArray auths = new JsonArray();
        auths.add(obj(
                "enterprise_id",
                null,
                "team_id",
                teamId,
                "user_id",
                "UBOT",
                "is_bot",
                true,
                "is_enterprise_install",
                false));
        p.add("authorizations", auths);
        p.addProperty("is_ext_shared_channel", false);
        p.addProperty("event_context", "4-eyJldCI6Im1lc3NhZ2UifQ");
        return gson.toJson(p);
    }

    static JsonObject imMessage(String userId, String channelId, String text) {
        return obj(
                "type",
                "message",
                "channel",
                channelId,
                "user",
                userId,
                "text",
                text,
                "ts",
                "1700000100.000100",
                "event_ts",
                "1700000100.000100",
                "channel_type",
                "im",
                "client_msg_id",
                UUID.randomUUID().toString());
    }

    static JsonObject memberJoined(String userId, String channelId) {
        return obj(
                "type",
                "member_joined_channel",
                "user",
                userId,
                "channel",
                channelId,
                "channel_type",
                "C",
                "event_ts",
                "1700000200.000100");
    }

    /** Someone added to the channel by another person. */
    static JsonObject memberInvited(String userId, String channelId, String inviter) {
        JsonObject event = memberJoined(userId, channelId);
        event.addProperty("inviter", inviter);
        return event;
    }

    static JsonObject memberLeft(String userId, String channelId) {
        return obj(
                "type",
                "member_left_channel",
                "user",
                userId,
                "channel",
                channelId,
                "channel_type",
                "C",
                "event_ts",
                "1700000300.000100");
    }

    static JsonObject homeOpened(String userId) {
        return obj(
                "type",
                "app_home_opened",
                "user",
                userId,
                "channel",
                "D" + userId,
                "tab",
                "home",
                "event_ts",
                "1700000400.000100");
    }

    // ---- sending

    HttpResponse<String> post(String body, String contentType) throws IOException, InterruptedException {
        String ts = String.valueOf(Clock.systemUTC().instant().getEpochSecond());
        return post(body, contentType, ts, sign(ts, body));
    }

    HttpResponse<String> post(String body, String contentType, String timestamp, String signature)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(eventsUrl))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            r.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            r.header("X-Slack-Signature", signature);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String body) throws IOException, InterruptedException {
        return post(body, "application/x-www-form-urlencoded");
    }

    HttpResponse<String> postJson(String body) throws IOException, InterruptedException {
        return post(body, "application/json");
    }

    /** Slack's scheme, computed here independently of the app: v0= + hex HMAC-SHA256 of "v0:ts:body". */
    String sign(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0="
                    + HexFormat.of()
                            .formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject obj(Object... kv) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            String k = (String) kv[i];
            if (v == null) {
                o.add(k, com.google.gson.JsonNull.INSTANCE);
            } else if (v instanceof Boolean b) {
                o.addProperty(k, b);
            } else if (v instanceof Number n) {
                o.addProperty(k, n);
            } else {
                o.addProperty(k, v.toString());
            }
        }
        return o;
    }

    private static String form(Map<String, String> f) {
        return f.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
