package app.trustpulse.slack;

import app.trustpulse.pulse.NowAndThen;
import com.slack.api.rate_limits.metrics.LastMinuteRequests;
import com.slack.api.rate_limits.metrics.MetricsDatastore;
import com.slack.api.rate_limits.metrics.RequestStats;
import com.slack.api.rate_limits.queue.WaitingMessageIds;
import com.slack.api.util.thread.DaemonThreadExecutorServiceProvider;
import com.slack.api.util.thread.ExecutorServiceProvider;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What the Slack SDK's rate limiter knows of the calls it made: per workspace and method (and per conversation for
 * {@code chat.postMessage}) the calls of the last minute, the calls waiting in its queue and when a 429 said to try
 * again. The SDK's own store keeps an entry for every conversation ever posted to, in static maps, for the life of the
 * process (about half a kilobyte for each person and channel, so the memory grew with every person the service ever
 * wrote to); this one lets a conversation's entry go once its last call is a minute old, nothing waits and no 429 holds
 * it, which is all the rate limiter looks at. The calls per method and workspace are counted as the SDK's store counts
 * them. It needs no thread of its own: what is idle is let go by the calls themselves, at most every ten seconds. It
 * reads no clock of its own either: the SDK stamps each call with the wall clock's milliseconds, and the time in
 * between is carried forward from the latest stamp by the monotonic clock.
 */
final class RecentCallsDatastore implements MetricsDatastore {

    static final long MINUTE_MILLIS = 60_000;
    private static final long SWEEP_EVERY_MILLIS = 10_000;

    /** The monotonic clock, in nanoseconds ({@link System#nanoTime()}). */
    private final LongSupplier nanoTime;
    /** The SDK's wall-clock milliseconds less the monotonic clock's, as of its latest stamp. */
    private volatile long offsetMillis;

    private final ConcurrentMap<Key, Recent> recent = new ConcurrentHashMap<>();
    private final ConcurrentMap<Team, Counts> counts = new ConcurrentHashMap<>();
    private final NowAndThen sweeps;
    private volatile ExecutorServiceProvider executorServiceProvider =
            DaemonThreadExecutorServiceProvider.getInstance();
    private volatile boolean traceMode;
    private volatile boolean statsEnabled = true;
    private volatile long backgroundJobIntervalMillis = SWEEP_EVERY_MILLIS;
    private volatile boolean closed;

    RecentCallsDatastore(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        sweeps = new NowAndThen(SWEEP_EVERY_MILLIS, now());
    }

    RecentCallsDatastore() {
        this(System::nanoTime);
    }

    /** The time in the SDK's stamps' terms: the wall clock's milliseconds as of the latest stamp, carried forward. */
    long now() {
        return nanoTime.getAsLong() / 1_000_000 + offsetMillis;
    }

    private void stamped(long millis) {
        offsetMillis = millis - nanoTime.getAsLong() / 1_000_000;
    }

    private record Team(String executor, String team) {}

    /** {@code method} is the SDK's key: a method's name, or {@code chat.postMessage_<channel>}. */
    private record Key(String executor, String team, String method) {}

    /** A key's calls of the last minute, the calls waiting, and until when a 429 holds it. */
    private static final class Recent {
        final LastMinuteRequests requests = new LastMinuteRequests();
        final WaitingMessageIds waiting = new WaitingMessageIds();
        volatile Long retryAt;

        boolean idle(long now) {
            requests.removeIf(at -> at < now - MINUTE_MILLIS);
            Long retry = retryAt;
            return requests.isEmpty() && waiting.isEmpty() && (retry == null || retry < now);
        }
    }

    /** The calls per method in a workspace, counted since the start. */
    private static final class Counts {
        volatile Long lastRequestMillis;
        final ConcurrentMap<String, AtomicLong> completed = new ConcurrentHashMap<>();
        final ConcurrentMap<String, AtomicLong> successful = new ConcurrentHashMap<>();
        final ConcurrentMap<String, AtomicLong> unsuccessful = new ConcurrentHashMap<>();
        final ConcurrentMap<String, AtomicLong> failed = new ConcurrentHashMap<>();
    }

    /** How many keys it holds: those with a call in the last minute, a call waiting or a 429 in force. */
    int keys() {
        return recent.size();
    }

    /** Lets go of every key that is idle at {@code now}. */
    void forgetIdle(long now) {
        sweeps.passed(now);
        for (Key key : recent.keySet()) {
            recent.computeIfPresent(key, (k, r) -> r.idle(now) ? null : r);
        }
    }

    private void sweepNowAndThen() {
        long now = now();
        if (sweeps.due(now)) {
            forgetIdle(now);
        }
    }

    private static Key key(String executor, String team, String method) {
        return new Key(executor, team == null ? "-" : team, method);
    }

    private Recent existing(String executor, String team, String method) {
        return recent.get(key(executor, team, method));
    }

    private Counts counts(String executor, String team) {
        Counts c = counts.computeIfAbsent(new Team(executor, team == null ? "-" : team), t -> new Counts());
        c.lastRequestMillis = now();
        return c;
    }

    // ---- calls

    @Override
    public void incrementAllCompletedCalls(String executorName, String teamId, String methodName) {
        counts(executorName, teamId)
                .completed
                .computeIfAbsent(methodName, m -> new AtomicLong())
                .incrementAndGet();
    }

    @Override
    public void incrementSuccessfulCalls(String executorName, String teamId, String methodName) {
        counts(executorName, teamId)
                .successful
                .computeIfAbsent(methodName, m -> new AtomicLong())
                .incrementAndGet();
    }

    @Override
    public void incrementUnsuccessfulCalls(String executorName, String teamId, String methodName) {
        counts(executorName, teamId)
                .unsuccessful
                .computeIfAbsent(methodName, m -> new AtomicLong())
                .incrementAndGet();
    }

    @Override
    public void incrementFailedCalls(String executorName, String teamId, String methodName) {
        counts(executorName, teamId)
                .failed
                .computeIfAbsent(methodName, m -> new AtomicLong())
                .incrementAndGet();
    }

    @Override
    public void addToLastMinuteRequests(String executorName, String teamId, String methodName, Long currentMillis) {
        stamped(currentMillis);
        long minuteAgo = currentMillis - MINUTE_MILLIS;
        recent.compute(key(executorName, teamId, methodName), (k, r) -> {
            Recent kept = r == null ? new Recent() : r;
            kept.requests.add(currentMillis);
            kept.requests.removeIf(at -> at < minuteAgo);
            return kept;
        });
        sweepNowAndThen();
    }

    /** The key's calls of the last minute; an unknown key's are an empty list that is not kept. */
    @Override
    public LastMinuteRequests getLastMinuteRequests(String executorName, String teamId, String methodName) {
        Recent r = existing(executorName, teamId, methodName);
        if (r == null) {
            return new LastMinuteRequests();
        }
        long minuteAgo = now() - MINUTE_MILLIS;
        r.requests.removeIf(at -> at < minuteAgo);
        return r.requests;
    }

    @Override
    public Integer getNumberOfLastMinuteRequests(String executorName, String teamId, String methodName) {
        return getLastMinuteRequests(executorName, teamId, methodName).size();
    }

    @Override
    public void updateNumberOfLastMinuteRequests(String executorName, String teamId, String methodName) {
        getLastMinuteRequests(executorName, teamId, methodName);
    }

    /** Worked out from the calls themselves whenever asked, so nothing to keep. */
    @Override
    public void setNumberOfLastMinuteRequests(String executorName, String teamId, String methodName, Integer value) {
        // the number is the size of the key's last-minute list
    }

    @Override
    public Long getRateLimitedMethodRetryEpochMillis(String executorName, String teamId, String methodName) {
        Recent r = existing(executorName, teamId, methodName);
        Long retry = r == null ? null : r.retryAt;
        return retry == null || retry < now() ? null : retry;
    }

    @Override
    public void setRateLimitedMethodRetryEpochMillis(
            String executorName, String teamId, String methodName, Long epochTimeMillis) {
        recent.compute(key(executorName, teamId, methodName), (k, r) -> {
            Recent kept = r == null ? new Recent() : r;
            kept.retryAt = epochTimeMillis;
            return kept;
        });
        sweepNowAndThen();
    }

    @Override
    public void addToWaitingMessageIds(String executorName, String teamId, String methodName, String messageId) {
        recent.compute(key(executorName, teamId, methodName), (k, r) -> {
            Recent kept = r == null ? new Recent() : r;
            kept.waiting.add(messageId);
            return kept;
        });
        sweepNowAndThen();
    }

    @Override
    public void deleteFromWaitingMessageIds(String executorName, String teamId, String methodName, String messageId) {
        Recent r = existing(executorName, teamId, methodName);
        if (r != null) {
            r.waiting.remove(messageId);
        }
    }

    /** The queue's size is the calls waiting for the key, worked out whenever asked. */
    @Override
    public void updateCurrentQueueSize(String executorName, String teamId, String methodName) {
        // see setCurrentQueueSize
    }

    @Override
    public void setCurrentQueueSize(String executorName, String teamId, String methodName, Integer value) {
        // the size is that of the key's waiting calls
    }

    // ---- what the SDK reports

    @Override
    public Map<String, Map<String, RequestStats>> getAllStats() {
        Map<String, Map<String, RequestStats>> all = new HashMap<>();
        for (Team t : counts.keySet()) {
            all.computeIfAbsent(t.executor(), e -> new HashMap<>()).put(t.team(), getStats(t.executor(), t.team()));
        }
        return all;
    }

    @Override
    public RequestStats getStats(String executorName, String teamId) {
        String team = teamId == null ? "-" : teamId;
        RequestStats stats = new RequestStats();
        Counts c = counts.get(new Team(executorName, team));
        if (c != null) {
            stats.setLastRequestTimestampMillis(c.lastRequestMillis);
            c.completed.forEach((m, n) -> stats.getAllCompletedCalls().put(m, n.get()));
            c.successful.forEach((m, n) -> stats.getSuccessfulCalls().put(m, n.get()));
            c.unsuccessful.forEach((m, n) -> stats.getUnsuccessfulCalls().put(m, n.get()));
            c.failed.forEach((m, n) -> stats.getFailedCalls().put(m, n.get()));
        }
        long now = now();
        recent.forEach((k, r) -> {
            if (k.executor().equals(executorName) && k.team().equals(team)) {
                stats.getLastMinuteRequests()
                        .put(k.method(), getNumberOfLastMinuteRequests(executorName, team, k.method()));
                stats.getCurrentQueueSize().put(k.method(), r.waiting.size());
                Long retry = r.retryAt;
                if (retry != null && retry >= now) {
                    stats.getRateLimitedMethods().put(k.method(), retry);
                }
            }
        });
        return stats;
    }

    // ---- settings the SDK may set

    @Override
    public ExecutorServiceProvider getExecutorServiceProvider() {
        return executorServiceProvider;
    }

    @Override
    public void setExecutorServiceProvider(ExecutorServiceProvider executorServiceProvider) {
        this.executorServiceProvider = executorServiceProvider;
    }

    @Override
    public boolean isTraceMode() {
        return traceMode;
    }

    @Override
    public void setTraceMode(boolean traceMode) {
        this.traceMode = traceMode;
    }

    @Override
    public boolean isStatsEnabled() {
        return statsEnabled;
    }

    @Override
    public void setStatsEnabled(boolean statsEnabled) {
        this.statsEnabled = statsEnabled;
    }

    @Override
    public long getRateLimiterBackgroundJobIntervalMillis() {
        return backgroundJobIntervalMillis;
    }

    @Override
    public void setRateLimiterBackgroundJobIntervalMillis(long millis) {
        this.backgroundJobIntervalMillis = millis;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        recent.clear();
    }
}
