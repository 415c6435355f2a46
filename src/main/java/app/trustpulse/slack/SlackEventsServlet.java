package app.trustpulse.slack;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one request URL Slack calls ({@code /slack/events}): slash commands, interactivity and the Events API.
 * The signature is checked on the raw body before anything is parsed (401 when it fails), then the payload's shape
 * ({@link SlackPayloadShape}; 400 and one warning when it is no payload the app serves), then the Bolt app runs.
 * Bolt sees only payloads it can read, so an exception from it is a fault of ours: a 500 and an error in the log.
 */
final class SlackEventsServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsServlet.class);
    private static final int MAX_BODY = 1 << 20;

    private final transient App app;
    private final transient RequestSignature signature;
    private final transient SlackRequestParser parser;
    private final transient SlackPayloadShape shape = new SlackPayloadShape();

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
        SlackPayloadShape.Checked checked = shape.check(body);
        if (checked.problem().isPresent()) {
            refuse(resp, checked.problem().get());
            return;
        }
        Request<?> slackRequest;
        try {
            slackRequest = request(req, body, checked.event());
        } catch (RuntimeException e) {
            slackRequest = null;
        }
        if (slackRequest == null || slackRequest.getContext() == null) {
            refuse(resp, "Bolt could not read it");
            return;
        }
        Response slackResponse;
        try {
            slackResponse = app.run(slackRequest);
        } catch (Exception e) {
            LOG.error("Slack request failed", e);
            plain(resp, 500, "internal error");
            return;
        }
        if (slackResponse.getStatusCode() != null && slackResponse.getStatusCode() == 400) {
            // A listener found a field it needs missing; Bolt's body says which, the log says that it happened.
            LOG.warn("Slack request refused (400): incomplete for its listener");
        }
        ServletAdapterOps.writeResponse(resp, slackResponse);
    }

    /** An event callback the check has read is built without parsing it again; anything else as Bolt parses it. */
    private Request<?> request(HttpServletRequest req, String body, Optional<SlackPayloadShape.EventCallback> event) {
        RequestHeaders headers = new RequestHeaders(ServletAdapterOps.toHeaderMap(req));
        Map<String, List<String>> queryString = QueryStringParser.toMap(req.getQueryString());
        if (event.isPresent() && CheckedEventRequest.builds(event.get())) {
            return CheckedEventRequest.of(event.get(), body, headers, queryString, req.getRemoteAddr(), app.config());
        }
        return parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(req.getRequestURI())
                .queryString(queryString)
                .headers(headers)
                .requestBody(body)
                .remoteAddress(req.getRemoteAddr())
                .build());
    }

    /** One line, naming fields only: the payload may hold what a person wrote, which stays out of the log. */
    private static void refuse(HttpServletResponse resp, String problem) throws IOException {
        LOG.warn("Slack request refused (400): {}", problem);
        plain(resp, 400, "malformed payload: " + problem);
    }

    private static void plain(HttpServletResponse resp, int status, String text) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(text);
    }
}
