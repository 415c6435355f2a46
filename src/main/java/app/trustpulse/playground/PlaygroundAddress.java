package app.trustpulse.playground;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;

/** Says where the playground is once the service is ready, so the first run ends with a link to open. */
final class PlaygroundAddress implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundAddress.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String contextPath =
                    event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "");
            String base = contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
            LOG.info(
                    "Playground ready: http://localhost:{}{}/playground (switch it off with PULSE_PLAYGROUND_ENABLED=false)",
                    web.getWebServer().getPort(),
                    base);
        }
    }
}
