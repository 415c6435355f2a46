package app.trustpulse.teams;

import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseMetrics;
import com.microsoft.bot.restclient.RestException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call to the Bot Connector: paced per conversation and tenant, and retried with exponential backoff and
 * jitter when the connector answers 429, 412, 502 or 504 (the SDK itself does not retry); calls that are safe to
 * repeat are retried after network failures as well. Each try is one HTTP request; the HTTP client never repeats a
 * request on its own, so a send that succeeds is posted once.
 */
class Retrying {

    private static final Logger LOG = LoggerFactory.getLogger(Retrying.class);
    static final Set<Integer> RETRYABLE = Set.of(429, 412, 502, 504);

    private final SendPacer pacer;
    private final SendPacer.Sleeper sleeper;
    private final TeamsSettings settings;
    private final PulseMetrics metrics;
    private final Clock clock;

    Retrying(SendPacer pacer, SendPacer.Sleeper sleeper, TeamsSettings settings, PulseMetrics metrics, Clock clock) {
        this.pacer = pacer;
        this.sleeper = sleeper;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A post that must not take effect twice: retried only on the statuses that say it did not. */
    <T> T call(String what, String tenantId, String conversationId, Supplier<CompletableFuture<T>> request) {
        return run(what, tenantId, conversationId, request, false, SendPacer.Kind.POST);
    }

    /**
     * A request that is safe to repeat and posts nothing (a read, opening a 1:1 chat): retried on network failures
     * too, such as a reset or a stale pooled connection ("unexpected end of stream") or a timeout before any answer.
     */
    <T> T callIdempotent(String what, String tenantId, String conversationId, Supplier<CompletableFuture<T>> request) {
        return run(what, tenantId, conversationId, request, true, SendPacer.Kind.REQUEST);
    }

    /** An update of a posted message: paced as a post, retried on network failures as it is safe to repeat. */
    <T> T callUpdate(String what, String tenantId, String conversationId, Supplier<CompletableFuture<T>> request) {
        return run(what, tenantId, conversationId, request, true, SendPacer.Kind.POST);
    }

    private <T> T run(
            String what,
            String tenantId,
            String conversationId,
            Supplier<CompletableFuture<T>> request,
            boolean idempotent,
            SendPacer.Kind kind) {
        for (int attempt = 1; ; attempt++) {
            SendPacer.Slot slot = pacer.acquire(kind, tenantId, conversationId);
            try {
                T result = request.get().join();
                slot.done();
                return result;
            } catch (RuntimeException e) {
                slot.done();
                Throwable cause = unwrap(e);
                Optional<Integer> status = status(cause);
                boolean network = status.isEmpty() && idempotent && isNetwork(cause);
                boolean again = network || status.filter(RETRYABLE::contains).isPresent();
                if (!again || attempt >= settings.maxAttempts()) {
                    throw new ChatDeliveryException(
                            "Teams " + what + " failed"
                                    + status.map(s -> " with HTTP " + s).orElse(": " + cause) + " after " + attempt
                                    + " attempt(s)",
                            cause);
                }
                Duration wait = backoff(attempt, retryAfter(cause));
                if (status.filter(s -> s == 429).isPresent()) {
                    metrics.rateLimitWait(Platform.TEAMS, wait);
                }
                metrics.deliveryRetried(Platform.TEAMS);
                LOG.info(
                        "Teams {} failed ({}); try {} of {} in {} ms",
                        what,
                        status.map(s -> "HTTP " + s).orElse(String.valueOf(cause)),
                        attempt + 1,
                        settings.maxAttempts(),
                        wait.toMillis());
                sleep(wait);
            }
        }
    }

    private static boolean isNetwork(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** Exponential backoff with jitter: half the doubled delay plus a random part of the other half. */
    Duration backoff(int attempt, Optional<Duration> retryAfter) {
        long base = settings.initialBackoff().toMillis();
        long ceiling = Math.min(settings.maxBackoff().toMillis(), base << Math.min(attempt - 1, 20));
        long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        if (retryAfter.isPresent()) {
            delay = Math.max(
                    delay,
                    Math.min(retryAfter.get().toMillis(), settings.maxBackoff().toMillis()));
        }
        return Duration.ofMillis(delay);
    }

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatDeliveryException("interrupted while waiting to retry a Teams call", e);
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t.getClass() == RuntimeException.class) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static Optional<Integer> status(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RestException rest && rest.response() != null) {
                return Optional.of(rest.response().code());
            }
        }
        return Optional.empty();
    }

    private Optional<Duration> retryAfter(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RestException rest && rest.response() != null) {
                String header = rest.response().headers().get("Retry-After");
                if (header != null && header.trim().matches("\\d{1,6}")) {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
                }
                if (header != null) {
                    // Retry-After may also be an HTTP date
                    try {
                        java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(
                                header.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                        Duration until = Duration.between(clock.instant(), at.toInstant());
                        return Optional.of(until.isNegative() ? Duration.ZERO : until);
                    } catch (java.time.format.DateTimeParseException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }
}
