package app.trustpulse.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bot Connector on loopback, as Teams runs it: conversations, activities, rosters; plus the OpenID metadata
 * and signing keys the SDK checks tokens against. It records every call and can answer with errors on demand.
 */
final class FakeBotConnector implements AutoCloseable {

    /** One call; {@code nanos} is when it was taken ({@link System#nanoTime()}). */
    record Call(String method, String path, String query, String authorization, JsonNode body, String id, long nanos) {

        String conversationId() {
            String[] parts = path.split("/");
            return parts.length > 3 ? URLDecoder.decode(parts[3], StandardCharsets.UTF_8) : "";
        }

        String text() {
            return body == null || body.get("text") == null
                    ? null
                    : body.get("text").asText();
        }

        JsonNode card() {
            return body == null ? null : body.path("attachments").path(0).path("content");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String GRAPH_TOKEN = "graph-token-for-tests";

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<Integer> failures = new ArrayDeque<>();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, List<List<Map<String, String>>>> rosters = new ConcurrentHashMap<>();
    private final Map<String, String> teamOwners = new ConcurrentHashMap<>();
    private volatile RSAPublicKey signingKey;
    private volatile String keyId;
    private volatile boolean enforceLimits;
    private volatile String retryAfter = "0";
    private final Map<String, Deque<Long>> postsByConversation = new java.util.HashMap<>();
    private final Map<String, Deque<Long>> postsByTenant = new java.util.HashMap<>();
    private volatile java.util.function.Function<String, String> tenantOf = conversation -> "";
    private final AtomicInteger throttled = new AtomicInteger();

    FakeBotConnector() throws IOException {
        this(4);
    }

    /** Taking {@code threads} requests at once. */
    FakeBotConnector(int threads) throws IOException {
        executor = java.util.concurrent.Executors.newFixedThreadPool(threads);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        // Several requests at once, as the real connector takes them.
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    String openIdUrl() {
        return url() + "openid";
    }

    void publishKey(String kid, RSAPublicKey key) {
        this.keyId = kid;
        this.signingKey = key;
    }

    /** The team's members, in pages of the given size, as Teams returns them from the paged roster. */
    void roster(String teamId, int pageSize, List<Map<String, String>> members) {
        List<List<Map<String, String>>> pages = new ArrayList<>();
        for (int i = 0; i < members.size(); i += pageSize) {
            pages.add(members.subList(i, Math.min(members.size(), i + pageSize)));
        }
        rosters.put(teamId, pages);
    }

    /** Microsoft Graph: the person (Entra object id) owns the team (Microsoft 365 group id). */
    void owner(String groupId, String aadObjectId) {
        teamOwners.put(aadObjectId, groupId);
    }

    String graphUrl() {
        return url() + "v1.0/";
    }

    /** The next requests that post or change activities get these statuses, one each, before any succeeds. */
    synchronized void failNext(int count, int status) {
        for (int i = 0; i < count; i++) {
            failures.add(status);
        }
    }

    /**
     * From now on posts beyond Teams' limits for a bot are answered 429 with Retry-After: 1, as Teams does: more than
     * 7 in a second to one conversation (a channel's threads count as the channel), or more than 30 in a second to
     * the tenant (here every conversation is of one tenant).
     */
    void enforceTeamsLimits() {
        enforceLimits = true;
    }

    /** The same, for many tenants: {@code tenantOf} says which tenant a conversation (its id) belongs to. */
    void enforceTeamsLimits(java.util.function.Function<String, String> tenantOf) {
        this.tenantOf = tenantOf;
        enforceLimits = true;
    }

    /** Posts answered 429 because they went over a limit. */
    int throttledCount() {
        return throttled.get();
    }

    /** The Retry-After the failures asked for with {@link #failNext} carry: seconds, or an HTTP date. */
    void retryAfter(String value) {
        retryAfter = value;
    }

    int rejectedCount() {
        return rejected.get();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Messages and replies that were accepted (posted), in order. */
    List<Call> posted() {
        return calls.stream()
                .filter(c -> c.method().equals("POST") && c.path().contains("/activities"))
                .toList();
    }

    List<Call> postedTo(String conversationId) {
        return posted().stream()
                .filter(c -> c.conversationId().equals(conversationId))
                .toList();
    }

    List<Call> updates() {
        return calls.stream().filter(c -> c.method().equals("PUT")).toList();
    }

    List<Call> createdChats() {
        return calls.stream()
                .filter(c -> c.method().equals("POST") && c.path().equals("/v3/conversations"))
                .toList();
    }

    void reset() {
        calls.clear();
        synchronized (this) {
            failures.clear();
        }
        rejected.set(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (path.equals("/openid")) {
                respond(exchange, 200, JSON.createObjectNode().put("jwks_uri", url() + "keys"));
                return;
            }
            if (path.equals("/keys")) {
                respond(exchange, 200, keys());
                return;
            }
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
            boolean changes = method.equals("POST") || method.equals("PUT");
            if (changes && path.contains("/activities")) {
                Integer failure;
                synchronized (this) {
                    failure = failures.poll();
                }
                if (failure != null) {
                    rejected.incrementAndGet();
                    exchange.getResponseHeaders().add("Retry-After", retryAfter);
                    respond(
                            exchange,
                            failure,
                            JSON.createObjectNode()
                                    .set(
                                            "error",
                                            JSON.createObjectNode()
                                                    .put("code", "Throttled")
                                                    .put("message", "slow down")));
                    return;
                }
            }
            if (enforceLimits && method.equals("POST") && path.contains("/activities") && overLimit(path)) {
                throttled.incrementAndGet();
                exchange.getResponseHeaders().add("Retry-After", "1");
                respond(
                        exchange,
                        429,
                        JSON.createObjectNode()
                                .set(
                                        "error",
                                        JSON.createObjectNode()
                                                .put("code", "Throttled")
                                                .put("message", "too many requests")));
                return;
            }
            String[] parts = path.split("/");
            String id = null;
            if (changes && path.contains("/activities")) {
                id = method.equals("PUT")
                        ? URLDecoder.decode(parts[5], StandardCharsets.UTF_8)
                        : "msg-" + ids.incrementAndGet();
            }
            Call call = new Call(
                    method,
                    path,
                    query,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    body,
                    id,
                    System.nanoTime());
            calls.add(call);
            if (method.equals("POST") && path.equals("/v3/conversations")) {
                String user = body.path("members").path(0).path("id").asText();
                respond(exchange, 200, JSON.createObjectNode().put("id", "a:chat-" + user));
            } else if (id != null) {
                respond(exchange, 200, JSON.createObjectNode().put("id", id));
            } else if (method.equals("GET") && path.endsWith("/pagedmembers")) {
                respond(exchange, 200, page(call.conversationId(), query));
            } else if (method.equals("GET") && parts.length == 6 && parts[4].equals("members")) {
                String user = URLDecoder.decode(parts[5], StandardCharsets.UTF_8);
                Map<String, String> member = rosters.getOrDefault(call.conversationId(), List.of()).stream()
                        .flatMap(List::stream)
                        .filter(m -> user.equals(m.get("id")))
                        .findFirst()
                        .orElse(null);
                if (member == null) {
                    respond(exchange, 404, JSON.createObjectNode().put("error", "MemberNotFoundInConversation"));
                } else {
                    respond(exchange, 200, JSON.valueToTree(member));
                }
            } else if (method.equals("GET") && path.startsWith("/v1.0/teams/") && path.endsWith("/members")) {
                respond(
                        exchange,
                        200,
                        graphMembers(parts[3], exchange.getRequestURI().getQuery(), call.authorization()));
            } else {
                respond(exchange, 404, JSON.createObjectNode().put("error", "no such thing"));
            }
        }
    }

    /** Whether one more post now would exceed a limit; counts it when it would not. */
    private synchronized boolean overLimit(String path) {
        long now = System.nanoTime() / 1_000_000;
        String conversation = URLDecoder.decode(path.split("/")[3], StandardCharsets.UTF_8);
        int cut = conversation.indexOf(";messageid=");
        String base = cut < 0 ? conversation : conversation.substring(0, cut);
        Deque<Long> mine = postsByConversation.computeIfAbsent(base, k -> new ArrayDeque<>());
        Deque<Long> postsOfTenant = postsByTenant.computeIfAbsent(tenantOf.apply(base), k -> new ArrayDeque<>());
        for (Deque<Long> sent : List.of(mine, postsOfTenant)) {
            while (!sent.isEmpty() && sent.peekFirst() <= now - 1000) {
                sent.pollFirst();
            }
        }
        if (mine.size() >= 7 || postsOfTenant.size() >= 30) {
            return true;
        }
        mine.addLast(now);
        postsOfTenant.addLast(now);
        return false;
    }

    private JsonNode page(String teamId, String query) {
        List<List<Map<String, String>>> pages = rosters.getOrDefault(teamId, List.of(List.of()));
        int index = 0;
        for (String param : query == null ? new String[0] : query.split("&")) {
            if (param.startsWith("continuationToken=")) {
                index = Integer.parseInt(
                        URLDecoder.decode(param.substring("continuationToken=".length()), StandardCharsets.UTF_8)
                                .replace("page-", ""));
            }
        }
        ObjectNode result = JSON.createObjectNode();
        var members = result.putArray("members");
        for (Map<String, String> m : pages.get(index)) {
            members.add(JSON.valueToTree(m));
        }
        if (index + 1 < pages.size()) {
            result.put("continuationToken", "page-" + (index + 1));
        }
        return result;
    }

    /** Graph's "list members of a team", filtered to one person, with "owner" among the roles if they own it. */
    private JsonNode graphMembers(String groupId, String query, String authorization) {
        ObjectNode result = JSON.createObjectNode();
        var value = result.putArray("value");
        if (!("Bearer " + GRAPH_TOKEN).equals(authorization) || query == null) {
            return result;
        }
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("userId eq '([^']+)'").matcher(query);
        if (m.find()) {
            String user = m.group(1);
            ObjectNode member = value.addObject().put("userId", user).put("tenantId", "t");
            var roles = member.putArray("roles");
            if (groupId.equals(teamOwners.get(user))) {
                roles.add("owner");
            }
        }
        return result;
    }

    private JsonNode keys() {
        ObjectNode result = JSON.createObjectNode();
        var keys = result.putArray("keys");
        if (signingKey != null) {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            ObjectNode key = keys.addObject();
            key.put("kty", "RSA")
                    .put("use", "sig")
                    .put("kid", keyId)
                    .put(
                            "n",
                            b64.encodeToString(unsigned(signingKey.getModulus().toByteArray())))
                    .put(
                            "e",
                            b64.encodeToString(
                                    unsigned(signingKey.getPublicExponent().toByteArray())));
            key.putArray("endorsements").add("msteams");
        }
        return result;
    }

    private static byte[] unsigned(byte[] bytes) {
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] out = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, out, 0, out.length);
            return out;
        }
        return bytes;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
