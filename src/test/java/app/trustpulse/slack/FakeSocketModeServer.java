package app.trustpulse.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode server on loopback: greets each connection with {@code hello}, sends envelopes to the open
 * connection, records the acknowledgements that come back (by envelope id), and can ask the client to reconnect
 * ({@code disconnect}) or drop the connection without a word, as Slack's servers do now and then.
 */
final class FakeSocketModeServer extends WebSocketServer implements AutoCloseable {

    private final List<WebSocket> open = new CopyOnWriteArrayList<>();
    private final Map<String, JsonObject> acks = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger handed = new AtomicInteger();

    FakeSocketModeServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        setConnectionLostTimeout(0);
    }

    FakeSocketModeServer begin() {
        start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> getPort() > 0);
        return this;
    }

    /** A fresh URL per {@code apps.connections.open}, as Slack hands out, all leading here. */
    String nextUrl() {
        handed.incrementAndGet();
        return "ws://127.0.0.1:" + getPort() + "/link/?ticket=" + UUID.randomUUID();
    }

    int urlsHandedOut() {
        return handed.get();
    }

    int connectionsOpened() {
        return connections.get();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        connections.incrementAndGet();
        open.add(conn);
        conn.send("{\"type\":\"hello\",\"num_connections\":" + open.size() + ",\"debug_info\":{\"host\":\"fake\","
                + "\"approximate_connection_time\":18060},\"connection_info\":{\"app_id\":\"A0APP\"}}");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        open.remove(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        JsonObject json = JsonParser.parseString(message).getAsJsonObject();
        if (json.has("envelope_id")) {
            acks.put(json.get("envelope_id").getAsString(), json);
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {}

    /** Sends an envelope of the given type ({@code events_api}, {@code slash_commands}, {@code interactive}). */
    String send(String type, JsonObject payload) {
        String envelopeId = UUID.randomUUID().toString();
        JsonObject envelope = new JsonObject();
        envelope.addProperty("envelope_id", envelopeId);
        envelope.addProperty("type", type);
        envelope.add("payload", payload);
        envelope.addProperty("accepts_response_payload", !"events_api".equals(type));
        envelope.addProperty("retry_attempt", 0);
        envelope.addProperty("retry_reason", "");
        awaitConnection().send(envelope.toString());
        return envelopeId;
    }

    JsonObject awaitAck(String envelopeId) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> acks.get(envelopeId), a -> a != null);
    }

    WebSocket awaitConnection() {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> open.stream()
                                .filter(WebSocket::isOpen)
                                .reduce((a, b) -> b)
                                .orElse(null),
                        c -> c != null);
    }

    /** Slack's polite way: a {@code disconnect} message, after which the client fetches a new URL. */
    void askToReconnect() {
        awaitConnection()
                .send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"fake\"}}");
    }

    /** The impolite way: the connection is gone without notice. */
    void dropConnections() {
        for (WebSocket conn : open) {
            conn.closeConnection(1006, "gone");
        }
    }

    @Override
    public void close() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
