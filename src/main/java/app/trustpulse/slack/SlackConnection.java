package app.trustpulse.slack;

import app.trustpulse.work.WorkDeferred;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Whether the service can reach Slack's Web API. Found out in the background, so that a start during a Slack outage
 * is a start all the same: Teams, the dashboard and the durable queue go on, and Slack's queued work waits
 * ({@link #deferWhileDown()}) instead of using up its tries. Tried again with doubling waits (one second up to
 * {@code slack.reconnect-max-delay}) until Slack answers. Single-workspace mode asks {@code auth.test} with the bot
 * token, which also gives Bolt the bot's identity; multi-workspace mode has no one token and asks {@code api.test}.
 * A call elsewhere that finds no connection or a failing Slack ({@link #unreachable}) starts the tries again at once.
 */
final class SlackConnection implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SlackConnection.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    /** auth.test errors that say the token itself is refused; waiting does not mend them, a new token does. */
    private static final Set<String> REFUSALS =
            Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired");

    private static final Set<String> FAILING =
            Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout");

    enum State {
        CONNECTING,
        CONNECTED,
        UNREACHABLE,
        REFUSED
    }

    /** Where the connection stands, since when, and why when it is not connected. */
    record Status(State state, Instant since, String reason) {}

    private final Slack slack;
    private final Optional<String> botToken;
    private final Duration maxDelay;
    private final Clock clock;
    private final List<Runnable> whenConnected = new ArrayList<>();
    private volatile Status status;
    private volatile AuthTestResponse identity;
    private volatile String inboundProblem;
    private volatile Instant nextTry;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> pending;
    /** Failed tries in a row; touched by the executor's one thread only. */
    private int failures;

    SlackConnection(Slack slack, Optional<String> botToken, Duration maxDelay, Clock clock) {
        this.slack = slack;
        this.botToken = botToken.filter(SlackProperties::isSet).map(String::trim);
        this.maxDelay = maxDelay.compareTo(FIRST_RETRY) < 0 ? FIRST_RETRY : maxDelay;
        this.clock = clock;
        this.status = new Status(State.CONNECTING, clock.instant(), null);
        this.nextTry = clock.instant();
    }

    Status status() {
        return status;
    }

    /** Slack answers, and (over Socket Mode) its socket is open. */
    boolean connected() {
        return status.state() == State.CONNECTED && inboundProblem == null;
    }

    /** The bot's identity from the last auth.test that answered (single-workspace mode), if any did. */
    Optional<AuthTestResponse> identity() {
        return Optional.ofNullable(identity);
    }

    /** Why Slack's requests cannot reach the service, or null when they can (Socket Mode reports here). */
    void inbound(String problem) {
        this.inboundProblem = problem;
    }

    Optional<String> inboundProblem() {
        return Optional.ofNullable(inboundProblem);
    }

    /**
     * For Slack's queued work: while Slack is known to be unreachable (or refuses the token), the work waits until
     * just after the next try to reach it, without using up one of its own tries.
     */
    void deferWhileDown() {
        Status s = status;
        if (s.state() == State.UNREACHABLE || s.state() == State.REFUSED) {
            Duration untilNextTry = Duration.between(clock.instant(), nextTry);
            throw new WorkDeferred(
                    "Slack is not reachable (" + s.reason() + "); the work waits",
                    untilNextTry.isNegative() ? FIRST_RETRY : untilNextTry.plus(FIRST_RETRY));
        }
    }

    /** A call found no connection to Slack, or Slack failing: the tries to reach it start again. */
    void unreachable(String reason) {
        Status s = status;
        if (s.state() == State.CONNECTED || s.state() == State.CONNECTING) {
            change(State.UNREACHABLE, reason, FIRST_RETRY);
            tryAgainIn(FIRST_RETRY);
        }
    }

    /** Runs the task on the connection's thread once Slack answers (at once when it does already). */
    synchronized void whenConnected(Runnable task) {
        if (status.state() == State.CONNECTED && executor != null) {
            executor.execute(task);
        } else {
            whenConnected.add(task);
        }
    }

    /** Runs the task on the connection's thread after a while, e.g. a connection to try again. */
    synchronized void later(Runnable task, Duration delay) {
        if (executor != null && !executor.isShutdown()) {
            executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slack-connection");
            t.setDaemon(true);
            return t;
        });
        tryAgainIn(Duration.ZERO);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Before the web server, so that the first try is under way when requests arrive. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    private synchronized void tryAgainIn(Duration delay) {
        if (executor == null || executor.isShutdown()) {
            return;
        }
        Instant at = clock.instant().plus(delay);
        if (pending != null && !pending.isDone()) {
            if (!nextTry.isAfter(at)) {
                return;
            }
            pending.cancel(false);
        }
        nextTry = at;
        pending = executor.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt() {
        synchronized (this) {
            // this try is under way: the next one may be planned
            pending = null;
        }
        Answer answer = ask();
        if (answer.state() == State.CONNECTED) {
            failures = 0;
            if (answer.identity() != null) {
                identity = answer.identity();
            }
            change(State.CONNECTED, null, Duration.ZERO);
            List<Runnable> tasks;
            synchronized (this) {
                tasks = new ArrayList<>(whenConnected);
                whenConnected.clear();
            }
            for (Runnable task : tasks) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Slack: a step after connecting failed: {}", e.toString());
                }
            }
            return;
        }
        failures++;
        long seconds = FIRST_RETRY.getSeconds() << Math.min(failures - 1, 20);
        Duration wait = Duration.ofSeconds(seconds).compareTo(maxDelay) > 0 ? maxDelay : Duration.ofSeconds(seconds);
        change(answer.state(), answer.reason(), wait);
        tryAgainIn(wait);
    }

    private void change(State state, String reason, Duration wait) {
        String in = wait.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
        Status before = status;
        status = new Status(state, before.state() == state ? before.since() : clock.instant(), reason);
        if (before.state() == state) {
            LOG.debug("Slack: still {} ({}); trying again in {}", state, reason, in);
            return;
        }
        switch (state) {
            case CONNECTED ->
                LOG.info(
                        "Slack: connected to the Web API{}",
                        identity == null ? "" : " (workspace " + identity.getTeamId() + ")");
            case UNREACHABLE ->
                LOG.warn(
                        "Slack: the Web API cannot be reached ({}). The service runs on without it: Teams,"
                                + " the dashboard and the queue go on, Slack's work waits. Trying again in {}.",
                        reason,
                        in);
            case REFUSED ->
                LOG.error(
                        "Slack: the Web API refuses the bot token ({}); check SLACK_BOT_TOKEN. Slack's work"
                                + " waits; trying again in {}.",
                        reason,
                        in);
            case CONNECTING -> {}
        }
    }

    private record Answer(State state, String reason, AuthTestResponse identity) {}

    private Answer ask() {
        try {
            if (botToken.isPresent()) {
                AuthTestResponse r = slack.methods().authTest(q -> q.token(botToken.get()));
                return r.isOk() ? new Answer(State.CONNECTED, null, r) : answered(r);
            }
            SlackApiTextResponse r = slack.methods().apiTest(q -> q);
            return r.isOk() ? new Answer(State.CONNECTED, null, null) : answered(r);
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            // 429 is Slack asking to slow down: it is there.
            return code >= 500
                    ? new Answer(State.UNREACHABLE, "HTTP " + code, null)
                    : new Answer(State.CONNECTED, null, null);
        } catch (IOException | RuntimeException e) {
            return new Answer(State.UNREACHABLE, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    /** Slack answered with an error: the token refused, Slack failing, or something that says it is there. */
    private static Answer answered(SlackApiTextResponse r) {
        String error = r.getError();
        if (REFUSALS.contains(error)) {
            return new Answer(State.REFUSED, error, null);
        }
        if (FAILING.contains(error)) {
            return new Answer(State.UNREACHABLE, error, null);
        }
        return new Answer(State.CONNECTED, null, null);
    }
}
