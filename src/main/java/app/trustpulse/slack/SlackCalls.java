package app.trustpulse.slack;

import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.DeliveryCutShort;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseMetrics;
import com.slack.api.Slack;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsCompletionException;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.OneGsonMethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every Web API call goes through here: through the SDK's rate-limited async client (per workspace and method
 * queues, {@code chat.postMessage} paced per channel, 429 re-queued after {@code Retry-After}), waited for, and
 * retried with doubling back-off when Slack or the network failed. Calls that needed retries or failed are recorded.
 */
class SlackCalls {

    /** Errors after which Slack may or may not have done the work; worth another try. */
    private static final Set<String> TRANSIENT_ERRORS =
            Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout");

    private final OneGsonMethodsClient.Factory clients;
    private final BotTokens tokens;
    private final DeliveryLog deliveries;
    private final int attempts;
    private final Duration firstRetryDelay;
    private final Duration callTimeout;
    private final PulseMetrics metrics;
    private final SlackConnection connection;
    private final WorkspacePostPace postPace;

    SlackCalls(
            Slack slack,
            BotTokens tokens,
            DeliveryLog deliveries,
            SlackProperties props,
            PulseMetrics metrics,
            SlackConnection connection) {
        this.clients = new OneGsonMethodsClient.Factory(slack);
        this.tokens = tokens;
        this.deliveries = deliveries;
        this.attempts = Math.max(1, props.sendAttempts());
        this.firstRetryDelay = props.firstRetryDelay();
        this.callTimeout = props.callTimeout();
        this.metrics = metrics;
        this.connection = connection;
        this.postPace = new WorkspacePostPace(props.pace(), System::nanoTime);
    }

    /** A call that is safe to repeat (reads, opening an IM, updates, views). */
    <T extends SlackApiTextResponse> T call(
            String workspaceId,
            String method,
            String channelId,
            Function<AsyncMethodsClient, CompletableFuture<T>> request) {
        return run(workspaceId, method, channelId, request, Optional.of(Optional::empty));
    }

    /**
     * A call that must not take effect twice, such as posting a message. Before a retry that follows an ambiguous
     * failure (Slack may have done the work), {@code alreadyDone} looks for the effect; if it is there, that counts as
     * the result. Without such a check, an ambiguous failure is not retried.
     */
    <T extends SlackApiTextResponse> T callOnce(
            String workspaceId,
            String method,
            String channelId,
            Function<AsyncMethodsClient, CompletableFuture<T>> request,
            Optional<Supplier<Optional<T>>> alreadyDone) {
        return run(workspaceId, method, channelId, request, alreadyDone);
    }

    private <T extends SlackApiTextResponse> T run(
            String workspaceId,
            String method,
            String channelId,
            Function<AsyncMethodsClient, CompletableFuture<T>> request,
            Optional<Supplier<Optional<T>>> alreadyDone) {
        long deadline = System.nanoTime() + callTimeout.toNanos();
        int tries = 0;
        String lastError = null;
        while (true) {
            tries++;
            if (Methods.CHAT_POST_MESSAGE.equals(method)) {
                sleep(postPace.reserve(workspaceId));
            }
            Result<T> result = once(workspaceId, request, deadline);
            if (result.response != null && result.response.isOk()) {
                if (tries > 1) {
                    deliveries.record(
                            workspaceId,
                            method,
                            channelId,
                            DeliveryLog.Outcome.DELIVERED,
                            tries,
                            messageTs(result.response),
                            lastError);
                }
                return result.response;
            }
            lastError = result.error;
            if (result.rateLimitedFor != null) {
                tries--; // a 429 is Slack asking us to wait, not a failed attempt
                if (System.nanoTime() + result.rateLimitedFor.toNanos() > deadline) {
                    lastError = "still rate limited at the end of the call timeout";
                    break;
                }
                if (result.response != null) {
                    // "ratelimited" in a 200 answer; an HTTP 429 was counted where the SDK saw it (RateLimitWaits)
                    metrics.rateLimitWait(Platform.SLACK, result.rateLimitedFor);
                }
                sleep(result.rateLimitedFor);
                continue;
            }
            if (!result.retryable || tries >= attempts) {
                break;
            }
            if (result.ambiguous) {
                if (alreadyDone.isEmpty()) {
                    break;
                }
                metrics.deliveryRetried(Platform.SLACK);
                sleep(backoff(tries));
                Optional<T> done;
                try {
                    done = alreadyDone.get().get();
                } catch (ChatDeliveryException e) {
                    lastError = lastError + "; could not check whether it arrived: " + e.getMessage();
                    break;
                }
                if (done.isPresent()) {
                    deliveries.record(
                            workspaceId,
                            method,
                            channelId,
                            DeliveryLog.Outcome.DELIVERED,
                            tries,
                            messageTs(done.get()),
                            lastError);
                    return done.get();
                }
            } else {
                metrics.deliveryRetried(Platform.SLACK);
                sleep(backoff(tries));
            }
        }
        deliveries.record(workspaceId, method, channelId, DeliveryLog.Outcome.FAILED, tries, null, lastError);
        throw new ChatDeliveryException("Slack " + method + " failed: " + lastError);
    }

    private static String messageTs(SlackApiTextResponse response) {
        return response instanceof ChatPostMessageResponse r ? r.getTs() : null;
    }

    private <T extends SlackApiTextResponse> Result<T> once(
            String workspaceId, Function<AsyncMethodsClient, CompletableFuture<T>> request, long deadline) {
        if (Thread.currentThread().isInterrupted()) {
            // Stopping: nothing is sent, so whoever sends it later need not wonder whether this one landed.
            throw new ChatDeliveryException("interrupted before calling Slack");
        }
        String token = tokens.tokenFor(workspaceId);
        CompletableFuture<T> future = request.apply(clients.async(token));
        try {
            long wait = Math.max(1, deadline - System.nanoTime());
            T response = future.get(wait, TimeUnit.NANOSECONDS);
            if (response.isOk()) {
                return new Result<>(response, null, false, false, null);
            }
            String error = response.getError();
            if ("ratelimited".equals(error)) {
                return new Result<>(response, error, true, false, Duration.ofSeconds(1));
            }
            return new Result<>(
                    response, error, TRANSIENT_ERRORS.contains(error), TRANSIENT_ERRORS.contains(error), null);
        } catch (ExecutionException e) {
            outage(e.getCause()).ifPresent(connection::unreachable);
            return failure(e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Result<>(null, "no answer within " + callTimeout, false, true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryCutShort("interrupted while calling Slack", e);
        }
    }

    private static <T> Result<T> failure(Throwable cause) {
        if (cause instanceof MethodsCompletionException mce) {
            SlackApiException api = mce.getSlackApiException();
            if (api != null) {
                int code = api.getResponse().code();
                if (code == 429) {
                    return new Result<>(null, "HTTP 429", true, false, retryAfter(api));
                }
                String error = "HTTP " + code
                        + (api.getError() != null ? " " + api.getError().getError() : "");
                return new Result<>(null, error, code >= 500, code >= 500, null);
            }
            IOException io = mce.getIoException();
            if (io != null) {
                // A refused connection never reached Slack; anything else (a timeout, a dropped reply) may have.
                boolean reached = !(io instanceof ConnectException || io instanceof UnknownHostException);
                return new Result<>(null, "network: " + io.getMessage(), true, reached, null);
            }
            Exception other = mce.getOtherException();
            return new Result<>(null, String.valueOf(other), false, false, null);
        }
        return new Result<>(null, String.valueOf(cause), false, false, null);
    }

    /**
     * A failure that says Slack itself is down for us: no connection at all, or its gateway failing (502, 503, 504).
     * A 500 is one method's internal error, not an outage.
     */
    private static Optional<String> outage(Throwable cause) {
        if (cause instanceof MethodsCompletionException mce) {
            SlackApiException api = mce.getSlackApiException();
            if (api != null) {
                int code = api.getResponse().code();
                return code >= 502 && code <= 504 ? Optional.of("HTTP " + code) : Optional.empty();
            }
            IOException io = mce.getIoException();
            if (io instanceof ConnectException
                    || io instanceof UnknownHostException
                    || io instanceof NoRouteToHostException) {
                return Optional.of(io.getClass().getSimpleName());
            }
        }
        return Optional.empty();
    }

    private static Duration retryAfter(SlackApiException api) {
        String header = api.getResponse().header("Retry-After");
        try {
            return Duration.ofSeconds(header == null ? 1 : Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private Duration backoff(int failedTries) {
        long base = firstRetryDelay.toMillis() << Math.min(failedTries - 1, 10);
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (base * jitter));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatDeliveryException("interrupted while waiting to retry a Slack call", e);
        }
    }

    private record Result<T>(T response, String error, boolean retryable, boolean ambiguous, Duration rateLimitedFor) {}
}
