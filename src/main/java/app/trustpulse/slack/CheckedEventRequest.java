package app.trustpulse.slack;

import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.EventRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An event callback that passed {@link SlackPayloadShape}, built as Bolt's request parser builds it, without
 * parsing the body again: the parser reads the body three times (one with a Gson made for the call) to learn what
 * the check has just read. It carries the event id the check read, which {@link EventDeduplication} keys on.
 * Workflow-step events, which Bolt builds as another request type, are left to Bolt's parser.
 */
final class CheckedEventRequest extends EventRequest {

    /** The one event type Bolt's parser does not build as an {@link EventRequest}. */
    private static final String WORKFLOW_STEP_EXECUTE = "workflow_step_execute";

    private final String eventId;

    private CheckedEventRequest(String body, RequestHeaders headers, String eventId) {
        super(body, headers);
        this.eventId = eventId;
    }

    /** Whether an event callback the check read is built this way: all but workflow-step events. */
    static boolean builds(SlackPayloadShape.EventCallback checked) {
        return !WORKFLOW_STEP_EXECUTE.equals(checked.eventType());
    }

    /**
     * The request, as {@code SlackRequestParser.parse} leaves it: the context from the app's configuration, the
     * query string, and the client's address (the first forwarded one when a proxy says so).
     */
    static CheckedEventRequest of(
            SlackPayloadShape.EventCallback checked,
            String body,
            RequestHeaders headers,
            Map<String, List<String>> queryString, // null without one
            String remoteAddress,
            AppConfig config) {
        CheckedEventRequest request = new CheckedEventRequest(body, headers, checked.eventId());
        request.updateContext(config);
        if (queryString != null) {
            queryString.forEach((name, values) -> request.getQueryString()
                    .computeIfAbsent(name, n -> new ArrayList<>())
                    .addAll(values));
        }
        String forwarded = headers.getFirstValue("X-FORWARDED-FOR");
        request.setClientIpAddress(forwarded != null ? forwarded : remoteAddress);
        return request;
    }

    String eventId() {
        return eventId;
    }
}
