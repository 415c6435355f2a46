package app.trustpulse.slack;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.work.WorkHandler;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a command or a click through its response URL, ephemeral, as Slack expects. An answer Slack did not take
 * (a 429 or 5xx, or no connection at all) is tried again from the durable queue with back-off; one that cannot go
 * that way any more (the URL expired or was used up, or Slack kept refusing for {@link #GIVE_UP_AFTER}) goes to the
 * person's DM instead, through {@link SlackOutbox}. An answer that may have landed (the connection broke after the
 * request went out) is logged and not sent again, since an ephemeral message cannot be looked up.
 */
final class SlackResponses implements WorkHandler {

    static final String KIND = "slack-response";

    /** Response URLs work for 30 minutes; well before that, the DM is the better place for the answer. */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(SlackResponses.class);
    private static final Gson GSON = new Gson();

    /** An answer waiting to go: to the response URL, else to the DM of {@code userId} in {@code workspaceId}. */
    record Answer(
            String workspaceId,
            String userId,
            String responseUrl,
            boolean toCommand,
            String text,
            String blocks,
            long firstTriedAt) {}

    enum Outcome {
        DELIVERED,
        NOT_TAKEN,
        GONE,
        MAY_HAVE_LANDED
    }

    private final Slack slack;
    private final Supplier<WorkQueue> work;
    private final SlackOutbox outbox;
    private final SlackGateway gateway;
    private final SlackRequestCheck check;
    private final SlackConnection connection;
    private final Clock clock;

    SlackResponses(
            Slack slack,
            Supplier<WorkQueue> work,
            SlackOutbox outbox,
            SlackGateway gateway,
            SlackRequestCheck check,
            SlackConnection connection,
            Clock clock) {
        this.slack = slack;
        this.work = work;
        this.outbox = outbox;
        this.gateway = gateway;
        this.check = check;
        this.connection = connection;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** People wait for these. */
    @Override
    public int priority() {
        return 10;
    }

    /**
     * Sends the answer at once; when Slack did not take it, queues it under its delivery id (unique per request, so
     * a request handled again after a crash queues it once).
     */
    void answer(
            String workspaceId,
            String userId,
            String responseUrl,
            boolean toCommand,
            ChatMessage message,
            String deliveryId) {
        SlackGateway.Prepared p = gateway.prepare(message);
        Answer answer = new Answer(workspaceId, userId, responseUrl, toCommand, p.text(), p.blocks(), clock.millis());
        switch (send(answer)) {
            case NOT_TAKEN ->
                work.get()
                        .enqueueAt(
                                KIND,
                                deliveryId,
                                GSON.toJson(answer),
                                clock.instant().plusSeconds(2));
            case GONE -> toDm(answer, deliveryId);
            case DELIVERED, MAY_HAVE_LANDED -> {}
        }
    }

    @Override
    public void run(String deliveryId, String data) {
        connection.deferWhileDown();
        Answer answer = GSON.fromJson(data, Answer.class);
        Outcome outcome = send(answer);
        boolean tooLate =
                Instant.ofEpochMilli(answer.firstTriedAt()).plus(GIVE_UP_AFTER).isBefore(clock.instant());
        if (outcome == Outcome.GONE || (outcome == Outcome.NOT_TAKEN && tooLate)) {
            toDm(answer, deliveryId);
        } else if (outcome == Outcome.NOT_TAKEN) {
            throw new IllegalStateException("Slack did not take an answer through its response URL; tried again later");
        }
    }

    private void toDm(Answer answer, String deliveryId) {
        LOG.info("Slack: an answer that could not go through its response URL goes to the person's DM");
        outbox.postPrepared(
                answer.workspaceId(),
                answer.userId(),
                new SlackGateway.Prepared(answer.text(), answer.blocks()),
                "dm-" + deliveryId);
    }

    Outcome send(Answer answer) {
        if (answer.responseUrl() == null || !check.responseUrlAllowed(answer.responseUrl())) {
            // Queued before such URLs were refused at the door: no try could ever succeed.
            LOG.warn("Slack: a response URL that is not Slack's is not used; the reply goes to the person's DM");
            return Outcome.GONE;
        }
        JsonObject body = new JsonObject();
        body.addProperty("response_type", "ephemeral");
        if (!answer.toCommand()) {
            body.addProperty("replace_original", false);
        }
        body.addProperty("text", answer.text());
        body.add("blocks", JsonParser.parseString(answer.blocks()));
        try (okhttp3.Response response = slack.getHttpClient().postJsonBody(answer.responseUrl(), body)) {
            int code = response.code();
            if (code >= 200 && code < 300) {
                return Outcome.DELIVERED;
            }
            String reason = response.body() == null ? "" : response.body().string();
            if (code == 429 || code >= 500) {
                LOG.warn("Slack: the response URL answered {} ({}); the answer is tried again", code, brief(reason));
                return Outcome.NOT_TAKEN;
            }
            LOG.warn(
                    "Slack: the response URL answered {} ({}); the answer goes to the person's DM",
                    code,
                    brief(reason));
            return Outcome.GONE;
        } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
            LOG.warn("Slack: could not reach the response URL; the answer is tried again", e);
            return Outcome.NOT_TAKEN;
        } catch (IOException e) {
            LOG.warn("Slack: the answer through the response URL may or may not have arrived; not sent again", e);
            return Outcome.MAY_HAVE_LANDED;
        }
    }

    /** Slack's reason is a short code such as "expired_url"; anything longer is cut. */
    private static String brief(String reason) {
        String r = reason.strip();
        return r.length() > 60 ? r.substring(0, 60) + "…" : r;
    }
}
