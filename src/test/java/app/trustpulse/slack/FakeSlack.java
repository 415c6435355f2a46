package app.trustpulse.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * A Slack Web API on loopback: answers the methods the adapter uses from what a test registered (users, channel
 * members), keeps the messages posted per conversation (a benchmark only counts them: {@link #counting}), records every
 * call and every response-URL post, and can answer with 429 + Retry-After or with a 500 after it did the work (a lost
 * response).
 */
final class FakeSlack implements AutoCloseable {

    record Call(String method, Map<String, String> params, String token) {
        String param(String name) {
            return params.get(name);
        }

        JsonObject json(String name) {
            return JsonParser.parseString(params.get(name)).getAsJsonObject();
        }
    }

    record Hook(String path, JsonObject body) {}

    /** A posted message; {@code nanos} is when it landed ({@link System#nanoTime()}). */
    record Posted(String channel, String ts, Map<String, String> params, long nanos) {}

    private enum Trouble {
        RATE_LIMITED,
        LOST_RESPONSE,
        SERVER_ERROR
    }

    /** How many of the last posts counting mode keeps, for conversations.history. */
    private static final int RECENT = 512;
    /** In counting mode an uploaded file's bytes are not kept, only that it came. */
    private static final byte[] UPLOADED = new byte[1];

    private final HttpServer server;
    private final Gson gson = new Gson();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> hookTrouble = new ConcurrentHashMap<>();
    private final List<String> refusedHooks = new CopyOnWriteArrayList<>();
    /** The scopes auth.test names in its x-oauth-scopes header, as Slack does: by default every one the app uses. */
    private volatile String grantedScopes = String.join(",", SlackConfiguration.BOT_SCOPES);

    private final Map<String, JsonObject> users = new ConcurrentHashMap<>();
    private final Map<String, List<String>> members = new ConcurrentHashMap<>();
    private final Map<String, List<Posted>> history = new ConcurrentHashMap<>();
    private final Map<String, String> teamOfToken = new ConcurrentHashMap<>();
    private final Map<String, Deque<Trouble>> trouble = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private volatile int retryAfterSeconds = 1;
    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private volatile int memberPageSize = 2;
    private volatile Limits limits;
    private volatile JsonObject oauthAccess;
    private volatile java.util.function.Supplier<String> socketModeUrl;
    private volatile boolean down;
    /** Files by id: the bytes posted to their upload address; completed ones may be shown in messages. */
    private final Map<String, byte[]> uploadedBytes = new ConcurrentHashMap<>();

    private final java.util.Set<String> completedFiles = ConcurrentHashMap.newKeySet();
    private volatile boolean refuseSlackFiles;
    /**
     * When set, posts are counted here instead of kept (and calls counted instead of recorded), so that a benchmark
     * measures the service's memory and not the fake's; see {@link #counting}.
     */
    private volatile PostCounts counts;

    private volatile java.util.function.ToIntFunction<Map<String, String>> kindOf;
    /** In counting mode, the last {@link #RECENT} posts, for conversations.history; the oldest is overwritten. */
    private final Posted[] recent = new Posted[RECENT];

    private long recentNext;

    private final Map<String, AtomicLong> callCounts = new ConcurrentHashMap<>();

    FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::api);
        server.createContext("/hooks/", this::hook);
        server.createContext("/upload/", this::upload);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.start();
    }

    String apiUrl() {
        return base() + "/api/";
    }

    String hookUrl(String name) {
        return base() + "/hooks/" + name;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- set-up

    /** The bot scopes the workspace granted the app, as auth.test reports them. */
    FakeSlack scopes(String... scopes) {
        grantedScopes = String.join(",", scopes);
        return this;
    }

    FakeSlack token(String token, String teamId) {
        teamOfToken.put(token, teamId);
        return this;
    }

    FakeSlack user(String id, String name, String tz, boolean admin) {
        return user(id, name, tz, admin, false, false);
    }

    FakeSlack user(String id, String name, String tz, boolean admin, boolean bot, boolean deleted) {
        JsonObject u = new JsonObject();
        u.addProperty("id", id);
        u.addProperty("name", name.toLowerCase());
        u.addProperty("real_name", name);
        u.addProperty("tz", tz);
        u.addProperty("is_admin", admin);
        u.addProperty("is_owner", false);
        u.addProperty("is_bot", bot);
        u.addProperty("deleted", deleted);
        u.addProperty("locale", "en-US");
        JsonObject profile = new JsonObject();
        profile.addProperty("display_name", name);
        u.add("profile", profile);
        users.put(id, u);
        return this;
    }

    FakeSlack channel(String channelId, String... userIds) {
        members.put(channelId, new ArrayList<>(List.of(userIds)));
        return this;
    }

    /** {@code apps.connections.open} answers, for an app-level token, with the URL the supplier gives. */
    FakeSlack socketMode(java.util.function.Supplier<String> url) {
        this.socketModeUrl = url;
        return this;
    }

    FakeSlack oauthAccess(JsonObject response) {
        this.oauthAccess = response;
        return this;
    }

    /** The next {@code times} calls of the method answer 429 with {@code Retry-After}. */
    FakeSlack rateLimit(String method, int times, int retryAfter) {
        this.retryAfterSeconds = retryAfter;
        Deque<Trouble> q = trouble.computeIfAbsent(method, m -> new ArrayDeque<>());
        synchronized (q) {
            for (int i = 0; i < times; i++) {
                q.add(Trouble.RATE_LIMITED);
            }
        }
        return this;
    }

    /** Pages of conversations.members as large as asked for (up to 1,000), as Slack's. */
    FakeSlack memberPages(int size) {
        this.memberPageSize = size;
        return this;
    }

    /**
     * Enforces Slack's published limits per workspace, answering 429 with Retry-After beyond them: Tier 2 = 20,
     * Tier 3 = 50, Tier 4 = 100 calls a minute per method, one post a second per conversation and 600 posts a minute
     * per workspace, each as a steady rate.
     */
    FakeSlack enforceSlackLimits() {
        this.limits = new Limits(600, true, 1.0);
        return this;
    }

    /**
     * Slack's limits as {@link #enforceSlackLimits()}, each per workspace (the workspace of the token), every rate
     * multiplied by {@code speed}: a benchmark that compresses time by that factor.
     */
    FakeSlack enforceSlackLimits(double speed) {
        this.limits = new Limits(600, true, speed);
        return this;
    }

    /**
     * Keeps no posts, only their counts per conversation and kind ({@code kindOf} gives a post's kind, from 0 to
     * {@code kinds - 1}, from its parameters) and when the last of each kind landed, in {@link PostCounts}; keeps of
     * the last {@value #RECENT} posts their conversation, ts and metadata, for conversations.history (the service
     * looks there, after a lost answer, for a message it may have posted); counts calls per method instead of keeping
     * them, and keeps no uploaded file's bytes. Its memory then grows with the conversations, not with the posts.
     */
    FakeSlack counting(java.util.function.ToIntFunction<Map<String, String>> kindOf, int kinds) {
        this.kindOf = kindOf;
        this.counts = new PostCounts(kinds);
        return this;
    }

    /** What {@link #counting} counted. */
    PostCounts counts() {
        return counts;
    }

    /**
     * In counting mode, about how many bytes it keeps of what came in since it was set up: the post counts, the recent
     * posts and the uploaded files' ids.
     */
    long countingBytes() {
        long bytes = counts.bytes() + 16 + RECENT * 4L;
        synchronized (recent) {
            for (Posted p : recent) {
                if (p != null) {
                    bytes += 24 + 16 + stringBytes(p.channel()) + stringBytes(p.ts()) + 32;
                    bytes += p.params().values().stream()
                            .mapToLong(FakeSlack::stringBytes)
                            .sum();
                }
            }
        }
        for (String id : uploadedBytes.keySet()) {
            // an entry of each of the two maps, and the id
            bytes += 2 * (32 + stringBytes(id)) + 24;
        }
        return bytes;
    }

    /** A string of Latin-1 characters: its object, its array's header and its characters, padded to 8 bytes. */
    private static long stringBytes(String s) {
        return 24 + ((16 + s.length() + 7) / 8 * 8);
    }

    /** How many calls of the method came in (also in counting mode). */
    long callCount(String method) {
        AtomicLong n = callCounts.get(method);
        return n == null ? 0 : n.get();
    }

    /**
     * Posts beyond the given number a minute in the workspace are answered 429 with a Retry-After, as Slack does; no
     * other limit is enforced. A pace no number of senders can beat: a round takes as long as its posts at that rate.
     */
    FakeSlack postsPerMinute(int perMinute) {
        this.limits = new Limits(perMinute, false, 1.0);
        return this;
    }

    /** Token buckets that refill at the limit's rate and hold one second's worth (at least one call). */
    private static final class Limits {

        private static final Map<String, Integer> PER_MINUTE = Map.of(
                "users.list",
                20,
                "conversations.open",
                50,
                "conversations.history",
                50,
                "conversations.info",
                50,
                "conversations.members",
                100,
                "users.info",
                100,
                "chat.update",
                100,
                "chat.postEphemeral",
                100,
                "views.publish",
                100);

        private final Map<String, double[]> buckets = new java.util.HashMap<>();
        private final int workspacePosts;
        private final boolean allMethods;
        private final double speed;

        Limits(int workspacePosts, boolean allMethods, double speed) {
            this.workspacePosts = workspacePosts;
            this.allMethods = allMethods;
            this.speed = speed;
        }

        /** Seconds to wait, or 0 when the call may go now; every limit is per workspace. */
        synchronized long take(String workspace, String method, Map<String, String> p) {
            long now = System.nanoTime();
            if ("chat.postMessage".equals(method)) {
                long wait = Math.max(
                        take(workspace + "/post:" + p.get("channel"), 60, now, false),
                        take(workspace + "/post:workspace", workspacePosts, now, false));
                if (wait == 0) {
                    take(workspace + "/post:" + p.get("channel"), 60, now, true);
                    take(workspace + "/post:workspace", workspacePosts, now, true);
                }
                return wait;
            }
            Integer perMinute = allMethods ? PER_MINUTE.get(method) : null;
            if (perMinute == null) {
                return 0;
            }
            long wait = take(workspace + "/" + method, perMinute, now, false);
            if (wait == 0) {
                take(workspace + "/" + method, perMinute, now, true);
            }
            return wait;
        }

        private long take(String key, int perMinute, long now, boolean consume) {
            double rate = perMinute * speed / 60.0;
            double capacity = Math.max(1, rate);
            double[] b = buckets.computeIfAbsent(key, k -> new double[] {capacity, now});
            double tokens = Math.min(capacity, b[0] + (now - b[1]) / 1e9 * rate);
            if (consume) {
                b[0] = tokens - 1;
                b[1] = now;
                return 0;
            }
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / rate);
        }
    }

    /** While down, every Web API call and response-URL post is answered 503 without being done, as in an outage. */
    FakeSlack down(boolean down) {
        this.down = down;
        return this;
    }

    /** Answers the method only after the given time, like a slow Slack (0 = at once again). */
    FakeSlack delay(String method, long millis) {
        if (millis <= 0) {
            delays.remove(method);
        } else {
            delays.put(method, millis);
        }
        return this;
    }

    /** The next call of the method is carried out, but answered with a 500 as if the response got lost. */
    FakeSlack loseResponse(String method) {
        Deque<Trouble> q = trouble.computeIfAbsent(method, m -> new ArrayDeque<>());
        synchronized (q) {
            q.add(Trouble.LOST_RESPONSE);
        }
        return this;
    }

    /** The next {@code times} calls of the method fail with a 500 without doing anything. */
    FakeSlack fail(String method, int times) {
        Deque<Trouble> q = trouble.computeIfAbsent(method, m -> new ArrayDeque<>());
        synchronized (q) {
            for (int i = 0; i < times; i++) {
                q.add(Trouble.SERVER_ERROR);
            }
        }
        return this;
    }

    /**
     * The next posts to the response URL of that name are answered with these statuses, in turn, without being
     * taken (500 or 429: Slack did not take it; 404 with "expired_url": the URL can no longer be used).
     */
    FakeSlack hookAnswers(String name, Integer... statuses) {
        hookTrouble
                .computeIfAbsent("/hooks/" + name, k -> new java.util.concurrent.ConcurrentLinkedDeque<>())
                .addAll(List.of(statuses));
        return this;
    }

    /** While set, a message that shows an uploaded file ({@code slack_file}) is refused with invalid_blocks. */
    FakeSlack refuseSlackFiles(boolean refuse) {
        this.refuseSlackFiles = refuse;
        return this;
    }

    // ---- what happened

    /** The bytes of an uploaded file. */
    byte[] uploadedFile(String fileId) {
        return uploadedBytes.get(fileId);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method.equals(method)).toList();
    }

    /** The posts in the conversation; in counting mode only those among the last {@value #RECENT} posts. */
    List<Posted> posted(String channel) {
        if (counts != null) {
            List<Posted> found = new ArrayList<>();
            synchronized (recent) {
                for (long i = Math.max(0, recentNext - RECENT); i < recentNext; i++) {
                    Posted p = recent[(int) (i % RECENT)];
                    if (p.channel().equals(channel)) {
                        found.add(p);
                    }
                }
            }
            return found;
        }
        return List.copyOf(history.getOrDefault(channel, List.of()));
    }

    /** How many messages were posted to the conversation, without copying them. */
    int postedCount(String channel) {
        if (counts != null) {
            return counts.total(channel);
        }
        List<Posted> posted = history.get(channel);
        return posted == null ? 0 : posted.size();
    }

    List<Hook> hooks() {
        return List.copyOf(hooks);
    }

    /** Per person, how many check-ins (messages with answer buttons) landed in their DM; people with none left out. */
    Map<String, Long> checkInsPerPerson(java.util.Collection<String> people) {
        return perPerson(
                people,
                p -> p.params().get("blocks") != null
                        && p.params().get("blocks").contains("answer:"));
    }

    /** Per leader, how many weekly digests landed in their DM; leaders with none left out. */
    Map<String, Long> digestsPerLeader(java.util.Collection<String> leaders) {
        return perPerson(leaders, p -> p.params().get("text").startsWith("Your weekly digest"));
    }

    /** How many weekly pulses were posted in the channel. */
    long pulsesIn(String channel) {
        return posted(channel).stream()
                .filter(p -> p.params().get("text").startsWith("Team pulse"))
                .count();
    }

    private Map<String, Long> perPerson(java.util.Collection<String> people, Predicate<Posted> kind) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String u : people) {
            long n = posted("D" + u).stream().filter(kind).count();
            if (n > 0) {
                counts.put(u, n);
            }
        }
        return counts;
    }

    /** Paths of the response-URL posts that were refused with {@link #hookAnswers}. */
    List<String> refusedHooks() {
        return List.copyOf(refusedHooks);
    }

    void clearRecords() {
        calls.clear();
        hooks.clear();
    }

    Call awaitCall(String method, Predicate<Call> match) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> calls(method).stream().filter(match).findFirst(), Optional::isPresent)
                .get();
    }

    Hook awaitHook(String path) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> hooks.stream().filter(h -> h.path.endsWith(path)).findFirst(), Optional::isPresent)
                .get();
    }

    // ---- HTTP

    private void hook(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (down) {
            send(ex, 503, "", "text/plain");
            return;
        }
        Deque<Integer> troubleFor = hookTrouble.get(ex.getRequestURI().getPath());
        Integer refusal = troubleFor == null ? null : troubleFor.poll();
        if (refusal != null) {
            refusedHooks.add(ex.getRequestURI().getPath());
            send(ex, refusal, refusal == 404 ? "expired_url" : "", "text/plain");
            return;
        }
        hooks.add(new Hook(
                ex.getRequestURI().getPath(), JsonParser.parseString(body).getAsJsonObject()));
        send(ex, 200, "ok", "text/plain");
    }

    /** The upload address {@code files.getUploadURLExternal} hands out: takes the file's bytes. */
    private void upload(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        if (down) {
            send(ex, 503, "", "text/plain");
            return;
        }
        String fileId = ex.getRequestURI().getPath().substring("/upload/".length());
        if (!uploadedBytes.containsKey(fileId)) {
            send(ex, 404, "", "text/plain");
            return;
        }
        if (counts != null) {
            uploadedBytes.put(fileId, UPLOADED);
            send(ex, 200, "OK - " + body.length, "text/plain");
            return;
        }
        uploadedBytes.put(fileId, body);
        calls.add(new Call("upload", Map.of("file", fileId, "length", String.valueOf(body.length)), null));
        send(ex, 200, "OK - " + body.length, "text/plain");
    }

    private void api(HttpExchange ex) throws IOException {
        String method = ex.getRequestURI().getPath().substring("/api/".length());
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = form(body);
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.get("token");
        if (down) {
            send(ex, 503, "<html>Service Unavailable</html>", "text/html");
            return;
        }
        callCounts.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
        if (counts == null) {
            calls.add(new Call(method, params, token));
        }
        Long delay = delays.get(method);
        if (delay != null) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Limits l = limits;
        String workspace = token == null ? "" : teamOfToken.getOrDefault(token, "");
        long limited = l == null ? 0 : l.take(workspace, method, params);
        if (limited > 0) {
            ex.getResponseHeaders().add("Retry-After", String.valueOf(limited));
            send(ex, 429, "{\"ok\":false,\"error\":\"ratelimited\"}", "application/json");
            return;
        }
        Trouble t = next(method);
        if (t == Trouble.RATE_LIMITED) {
            ex.getResponseHeaders().add("Retry-After", String.valueOf(retryAfterSeconds));
            send(ex, 429, "{\"ok\":false,\"error\":\"ratelimited\"}", "application/json");
            return;
        }
        if (t == Trouble.SERVER_ERROR) {
            send(ex, 500, "{\"ok\":false,\"error\":\"internal_error\"}", "application/json");
            return;
        }
        JsonObject answer = answer(method, params, token);
        if (method.equals("auth.test") && answer.get("ok").getAsBoolean()) {
            ex.getResponseHeaders().add(SlackDoctor.SCOPES_HEADER, grantedScopes);
        }
        if (t == Trouble.LOST_RESPONSE) {
            send(ex, 500, "{\"ok\":false,\"error\":\"internal_error\"}", "application/json");
            return;
        }
        send(ex, 200, gson.toJson(answer), "application/json");
    }

    private Trouble next(String method) {
        Deque<Trouble> q = trouble.get(method);
        if (q == null) {
            return null;
        }
        synchronized (q) {
            return q.poll();
        }
    }

    private JsonObject answer(String method, Map<String, String> p, String token) {
        JsonObject r = new JsonObject();
        r.addProperty("ok", true);
        switch (method) {
            case "auth.test" -> {
                String team = token == null ? null : teamOfToken.get(token);
                if (team == null) {
                    return error("invalid_auth");
                }
                r.addProperty("team_id", team);
                r.addProperty("team", "Team " + team);
                r.addProperty("user_id", "UBOT");
                r.addProperty("bot_id", "BBOT");
                r.addProperty("url", "https://example.slack.com/");
            }
            case "users.info" -> {
                JsonObject u = users.get(p.get("user"));
                if (u == null) {
                    return error("user_not_found");
                }
                r.add("user", u);
            }
            case "conversations.members" -> {
                List<String> all = members.get(p.get("channel"));
                if (all == null) {
                    return error("channel_not_found");
                }
                int from = p.get("cursor") == null || p.get("cursor").isEmpty() ? 0 : Integer.parseInt(p.get("cursor"));
                int limit = p.get("limit") == null ? 100 : Integer.parseInt(p.get("limit"));
                int to = Math.min(all.size(), from + Math.min(memberPageSize, limit));
                r.add("members", gson.toJsonTree(all.subList(from, to)));
                JsonObject meta = new JsonObject();
                meta.addProperty("next_cursor", to < all.size() ? String.valueOf(to) : "");
                r.add("response_metadata", meta);
            }
            case "users.list" -> {
                List<JsonObject> all = new ArrayList<>(users.values());
                all.sort(java.util.Comparator.comparing(u -> u.get("id").getAsString()));
                int limit = p.get("limit") == null ? 100 : Integer.parseInt(p.get("limit"));
                int from = p.get("cursor") == null || p.get("cursor").isEmpty() ? 0 : Integer.parseInt(p.get("cursor"));
                int to = Math.min(all.size(), from + Math.min(limit, 1000));
                r.add("members", gson.toJsonTree(all.subList(from, to)));
                JsonObject meta = new JsonObject();
                meta.addProperty("next_cursor", to < all.size() ? String.valueOf(to) : "");
                r.add("response_metadata", meta);
            }
            case "conversations.open" -> {
                JsonObject ch = new JsonObject();
                ch.addProperty("id", "D" + p.get("users"));
                r.add("channel", ch);
            }
            case "files.getUploadURLExternal" -> {
                if (p.get("filename") == null || p.get("length") == null) {
                    return error("invalid_arguments");
                }
                String fileId = "F" + nextTs().replace(".", "");
                uploadedBytes.put(fileId, new byte[0]);
                r.addProperty("file_id", fileId);
                r.addProperty("upload_url", base() + "/upload/" + fileId);
            }
            case "files.completeUploadExternal" -> {
                com.google.gson.JsonArray files =
                        JsonParser.parseString(p.get("files")).getAsJsonArray();
                com.google.gson.JsonArray done = new com.google.gson.JsonArray();
                for (com.google.gson.JsonElement f : files) {
                    String id = f.getAsJsonObject().get("id").getAsString();
                    byte[] bytes = uploadedBytes.get(id);
                    if (bytes == null || bytes.length == 0) {
                        return error("file_not_found");
                    }
                    completedFiles.add(id);
                    JsonObject file = new JsonObject();
                    file.addProperty("id", id);
                    file.addProperty(
                            "title",
                            f.getAsJsonObject().has("title")
                                    ? f.getAsJsonObject().get("title").getAsString()
                                    : id);
                    done.add(file);
                }
                r.add("files", done);
            }
            case "chat.postMessage" -> {
                if (p.get("blocks") != null && p.get("blocks").contains("slack_file")) {
                    for (com.google.gson.JsonElement b :
                            JsonParser.parseString(p.get("blocks")).getAsJsonArray()) {
                        JsonObject file = b.getAsJsonObject().getAsJsonObject("slack_file");
                        if (file != null
                                && (refuseSlackFiles
                                        || !completedFiles.contains(
                                                file.get("id").getAsString()))) {
                            return error("invalid_blocks");
                        }
                    }
                }
                String ts = nextTs();
                // A post to a user id lands in the app's DM with that person, as in Slack.
                String channel = p.get("channel").startsWith("U") ? "D" + p.get("channel") : p.get("channel");
                PostCounts counting = counts;
                if (counting != null) {
                    counting.landed(channel, kindOf.applyAsInt(p), System.nanoTime());
                    Posted kept = new Posted(
                            channel,
                            ts,
                            p.get("metadata") == null ? Map.of() : Map.of("metadata", p.get("metadata")),
                            System.nanoTime());
                    synchronized (recent) {
                        recent[(int) (recentNext++ % RECENT)] = kept;
                    }
                } else {
                    history.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>())
                            .add(new Posted(channel, ts, p, System.nanoTime()));
                }
                r.addProperty("channel", channel);
                r.addProperty("ts", ts);
            }
            case "chat.update" -> {
                r.addProperty("channel", p.get("channel"));
                r.addProperty("ts", p.get("ts"));
            }
            case "chat.postEphemeral" -> r.addProperty("message_ts", nextTs());
            case "conversations.history" -> {
                List<JsonObject> messages = new ArrayList<>();
                for (Posted m : posted(p.get("channel"))) {
                    JsonObject msg = new JsonObject();
                    msg.addProperty("type", "message");
                    msg.addProperty("ts", m.ts());
                    msg.addProperty("text", m.params().get("text"));
                    if (m.params().get("metadata") != null
                            && List.of("1", "true").contains(p.get("include_all_metadata"))) {
                        msg.add("metadata", JsonParser.parseString(m.params().get("metadata")));
                    }
                    messages.add(0, msg);
                }
                r.add("messages", gson.toJsonTree(messages));
            }
            case "views.open", "views.publish" -> {
                JsonObject view = new JsonObject();
                view.addProperty("id", "V" + nextTs());
                r.add("view", view);
            }
            case "apps.connections.open" -> {
                if (socketModeUrl == null || token == null || !token.startsWith("xapp-")) {
                    return error("not_allowed_token_type");
                }
                r.addProperty("url", socketModeUrl.get());
            }
            case "oauth.v2.access" -> {
                if (oauthAccess == null) {
                    return error("invalid_code");
                }
                return oauthAccess;
            }
            default -> {
                return error("unknown_method");
            }
        }
        return r;
    }

    private String nextTs() {
        long n = clock.incrementAndGet();
        return (n / 1000) + "." + String.format("%06d", n % 1000);
    }

    private static JsonObject error(String error) {
        JsonObject r = new JsonObject();
        r.addProperty("ok", false);
        r.addProperty("error", error);
        return r;
    }

    private static Map<String, String> form(String body) {
        if (body.isEmpty()) {
            return Map.of();
        }
        if (body.startsWith("{")) {
            JsonObject o = JsonParser.parseString(body).getAsJsonObject();
            return o.entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey,
                            e -> e.getValue().isJsonPrimitive()
                                    ? e.getValue().getAsString()
                                    : e.getValue().toString(),
                            (a, b) -> b,
                            LinkedHashMap::new));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
