package app.trustpulse.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Socket Mode: the same Bolt app, its listeners and middleware (event de-duplication included), fed over a
 * WebSocket that the service opens to Slack with the app-level token, so no public request URL is needed.
 * Bolt's client asks {@code apps.connections.open} for a fresh URL whenever Slack asks it to reconnect, and its
 * session monitor pings the socket and opens a new one when the old one went quiet or closed.
 */
final class SlackSocketMode implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SlackSocketMode.class);
    /** Envelopes handled at once; each listener acknowledges fast and hands the work to SlackWork. */
    private static final int CONCURRENCY = 4;

    private final App app;
    private final String appToken;
    private volatile SocketModeApp socketMode;

    SlackSocketMode(App app, String appToken) {
        this.app = app;
        this.appToken = appToken.trim();
    }

    @Override
    public void start() {
        try {
            SocketModeApp started = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket, CONCURRENCY);
            started.startAsync();
            socketMode = started;
            LOG.info("Slack: connected over Socket Mode");
        } catch (Exception e) {
            throw new IllegalStateException("Slack: could not open a Socket Mode connection (check SLACK_APP_TOKEN"
                    + " and that the app has Socket Mode switched on): " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        SocketModeApp running = socketMode;
        socketMode = null;
        if (running == null) {
            return;
        }
        try {
            SocketModeClient client = running.getClient();
            running.close();
            if (client != null) {
                // Bolt's close leaves the client's own executors running; closing the client ends them.
                client.close();
            }
        } catch (Exception e) {
            LOG.warn("Slack: closing the Socket Mode connection failed: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return socketMode != null;
    }

    /** After the web server and the scheduler, so that what arrives finds everything ready. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10;
    }
}
