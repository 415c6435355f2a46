package app.trustpulse.slack;

import app.trustpulse.chat.ProcessedEvents;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every signed request is handled once. Slack delivers an event again when it did not see our acknowledgement in
 * time (up to 3 retries): the event's {@code event_id} is remembered across instances. A slash command or an
 * interaction is never retried by Slack, so one that arrives twice with the same signature is a replay of a captured
 * request (valid for the five minutes the signature check allows): it is acknowledged and otherwise ignored.
 *
 * <p>The mark that a request was seen and the work its listener queues are written in one transaction: a mark
 * without its work would make Slack's redelivery of a request whose work failed to be stored (a database error, a
 * kill at that moment) look like a duplicate, and the request would be lost. It also makes an acknowledgement one
 * commit instead of two or three.
 *
 * <p>The events whose listeners only queue work (a DM, someone joining or leaving a channel, the Home tab opened) get
 * no mark here: their work is queued under the event's id, which the queue keeps once, and the work marks the event
 * when it is done ({@link EventWorkOnce}). Such an acknowledgement writes one row, or none when the listener queued
 * nothing; with a {@link GroupCommit} it shares its commit with the others acknowledged at the same moment.
 */
class EventDeduplication implements Middleware {

    static final int MAX_EVENT_ID = 300;
    /** The mark of a Slack event; the event's id follows. */
    static final String EVENT_MARK = "slack:event:";

    /** The events whose listeners ({@link SlackListeners}) do nothing but queue work or acknowledge. */
    static final Set<String> ONLY_QUEUING =
            Set.of("message", "member_joined_channel", "member_left_channel", "app_home_opened");

    private final Supplier<ProcessedEvents> processed;
    private final Clock clock;
    private final OneCommit oneCommit;
    private final Optional<GroupCommit> group;

    EventDeduplication(
            Supplier<ProcessedEvents> processed, Clock clock, OneCommit oneCommit, Optional<GroupCommit> group) {
        this.processed = processed;
        this.clock = clock;
        this.oneCommit = oneCommit;
        this.group = group;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        RequestType type = req.getRequestType();
        if (type == RequestType.UrlVerification || type == RequestType.SSLCheck) {
            return chain.next(req);
        }
        String key;
        if (type == RequestType.Event) {
            Optional<String> id = eventId(req);
            if (id.isEmpty()) {
                return Response.builder()
                        .statusCode(400)
                        .body("event_id missing")
                        .build();
            }
            if (id.get().isEmpty() || id.get().length() > MAX_EVENT_ID) {
                return Response.builder()
                        .statusCode(400)
                        .body("event_id malformed")
                        .build();
            }
            if (req instanceof EventRequest event && ONLY_QUEUING.contains(event.getEventType())) {
                return onlyQueuing(req, chain);
            }
            key = EVENT_MARK + id.get();
        } else {
            String signature = req.getHeaders().getFirstValue("X-Slack-Signature");
            if (signature == null) {
                return chain.next(req);
            }
            key = "slack:request:" + signature;
        }
        return oneCommit.run(() -> {
            if (!processed.get().firstTime(key, clock.instant())) {
                return Response.ok();
            }
            return chain.next(req);
        });
    }

    /** The listener's work stored (in the next group commit, if there is one) before the acknowledgement. */
    private Response onlyQueuing(Request<?> req, MiddlewareChain chain) throws Exception {
        if (group.isEmpty()) {
            return chain.next(req);
        }
        GroupCommit.Recorded<Response> listened = group.get().record(() -> chain.next(req));
        if (!listened.work().isEmpty()) {
            group.get().commit(listened.work());
        }
        return listened.result();
    }

    /** The event id: as the request check read it, or (over Socket Mode, which has no such check) from the body. */
    private static Optional<String> eventId(Request<?> req) {
        if (req instanceof CheckedEventRequest checked) {
            return Optional.of(checked.eventId());
        }
        JsonElement id = JsonParser.parseString(req.getRequestBodyAsString())
                .getAsJsonObject()
                .get("event_id");
        return id == null || !id.isJsonPrimitive() || !id.getAsJsonPrimitive().isString()
                ? Optional.empty()
                : Optional.of(id.getAsString());
    }
}
