package app.trustpulse.slack;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one request URL Slack calls ({@code /slack/events}): slash commands, interactivity and the Events API.
 * The signature is checked on the raw body before anything is parsed (401 when it fails), the body is parsed
 * (400 when it is not a Slack payload), then the Bolt app runs.
 */
final class SlackEventsServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsServlet.class);
    private static final int MAX_BODY = 1 << 20;

    private final transient App app;
    private final transient RequestSignature signature;
    private final transient SlackRequestParser parser;

    SlackEventsServlet(App app, RequestSignature signature) {
        this.app = app;
        this.signature = signature;
        this.parser = new SlackRequestParser(app.config());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] raw;
        try (InputStream in = req.getInputStream()) {
            raw = in.readNBytes(MAX_BODY + 1);
        }
        if (raw.length > MAX_BODY) {
            plain(resp, 413, "request too large");
            return;
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        if (!signature.valid(req.getHeader("X-Slack-Request-Timestamp"), req.getHeader("X-Slack-Signature"), body)) {
            plain(resp, 401, "invalid signature");
            return;
        }
        Request<?> slackRequest;
        try {
            slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(req.getRequestURI())
                    .queryString(QueryStringParser.toMap(req.getQueryString()))
                    .headers(new RequestHeaders(ServletAdapterOps.toHeaderMap(req)))
                    .requestBody(body)
                    .remoteAddress(req.getRemoteAddr())
                    .build());
        } catch (RuntimeException e) {
            slackRequest = null;
        }
        if (slackRequest == null || slackRequest.getContext() == null) {
            plain(resp, 400, "not a Slack payload");
            return;
        }
        try {
            Response slackResponse = app.run(slackRequest);
            ServletAdapterOps.writeResponse(resp, slackResponse);
        } catch (Exception e) {
            if (malformed(e)) {
                // Signed, but its fields have the wrong types: the sender's mistake, not ours.
                plain(resp, 400, "not a Slack payload");
                return;
            }
            LOG.error("Slack request failed", e);
            plain(resp, 500, "internal error");
        }
    }

    /** A payload whose fields did not fit Slack's types: Gson reports that with these exceptions. */
    static boolean malformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException || t instanceof ClassCastException || t instanceof NumberFormatException
                    || (t instanceof IllegalStateException || t instanceof UnsupportedOperationException) && thrownByGson(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean thrownByGson(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("com.google.gson.");
    }

    private static void plain(HttpServletResponse resp, int status, String text) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(text);
    }
}
