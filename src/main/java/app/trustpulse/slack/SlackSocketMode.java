package app.trustpulse.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Socket Mode: the same Bolt app, its listeners and middleware (event de-duplication included), fed over a
 * WebSocket that the service opens to Slack with the app-level token, so no public request URL is needed.
 * Bolt's client asks {@code apps.connections.open} for a fresh URL whenever Slack asks it to reconnect, and its
 * session monitor pings the socket and opens a new one when the old one went quiet or closed. The first connection
 * is opened once Slack answers ({@link SlackConnection}) and tried again with doubling waits until it opens, so that
 * the service starts, degraded, while Slack cannot be reached.
 */
final class SlackSocketMode implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SlackSocketMode.class);
    /** Envelopes handled at once; each listener acknowledges fast and hands the work to SlackWork. */
    private static final int CONCURRENCY = 4;

    private static final String NOT_OPEN = "the Socket Mode connection is not open yet";

    private final App app;
    private final String appToken;
    private final SlackConnection connection;
    private final Duration maxDelay;
    private SocketModeApp socketMode;
    private boolean running;
    private int failures;

    SlackSocketMode(App app, String appToken, SlackConnection connection, Duration maxDelay) {
        this.app = app;
        this.appToken = appToken.trim();
        this.connection = connection;
        this.maxDelay = maxDelay;
    }

    @Override
    public synchronized void start() {
        running = true;
        connection.inbound(NOT_OPEN);
        connection.whenConnected(this::open);
    }

    private synchronized void open() {
        if (!running || socketMode != null) {
            return;
        }
        SocketModeApp started = null;
        try {
            started = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket, CONCURRENCY);
            started.startAsync();
            socketMode = started;
            failures = 0;
            connection.inbound(null);
            LOG.info("Slack: connected over Socket Mode");
        } catch (Exception e) {
            close(started);
            failures++;
            Duration wait = Duration.ofSeconds(1L << Math.min(failures - 1, 20));
            if (wait.compareTo(maxDelay) > 0) {
                wait = maxDelay;
            }
            LOG.warn(
                    "Slack: could not open a Socket Mode connection (check SLACK_APP_TOKEN and that the app has Socket"
                            + " Mode switched on): {}; trying again in {}",
                    e.toString(),
                    wait);
            connection.later(this::open, wait);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        SocketModeApp open = socketMode;
        socketMode = null;
        close(open);
    }

    private static void close(SocketModeApp socket) {
        if (socket == null) {
            return;
        }
        try {
            SocketModeClient client = socket.getClient();
            socket.close();
            if (client != null) {
                // Bolt's close leaves the client's own executors running; closing the client ends them.
                client.close();
            }
        } catch (Exception e) {
            LOG.warn("Slack: closing the Socket Mode connection failed: {}", e.getMessage());
        }
    }

    /** Whether the WebSocket to Slack is open now. */
    synchronized boolean connected() {
        return socketMode != null
                && socketMode.getClient() != null
                && socketMode.getClient().verifyConnection();
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /** After the web server and the scheduler, so that what arrives finds everything ready. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10;
    }
}
