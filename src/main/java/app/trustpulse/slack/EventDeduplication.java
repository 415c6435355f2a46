package app.trustpulse.slack;

import app.trustpulse.chat.ProcessedEvents;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Slack delivers an event again when it did not see our acknowledgement in time (up to 3 retries). The event's
 * {@code event_id} is remembered across instances; a later delivery is acknowledged and otherwise ignored.
 */
class EventDeduplication implements Middleware {

    private final Supplier<ProcessedEvents> processed;
    private final Clock clock;

    EventDeduplication(Supplier<ProcessedEvents> processed, Clock clock) {
        this.processed = processed;
        this.clock = clock;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (req.getRequestType() != RequestType.Event) {
            return chain.next(req);
        }
        JsonObject body = JsonParser.parseString(req.getRequestBodyAsString()).getAsJsonObject();
        JsonElement id = body.get("event_id");
        if (id == null || id.isJsonNull()) {
            return Response.builder().statusCode(400).body("event_id missing").build();
        }
        if (!processed.get().firstTime("slack:event:" + id.getAsString(), clock.instant())) {
            return Response.ok();
        }
        return chain.next(req);
    }
}
