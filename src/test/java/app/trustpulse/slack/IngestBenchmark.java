package app.trustpulse.slack;

import app.trustpulse.Application;
import app.trustpulse.bench.BenchmarkReport;
import app.trustpulse.support.TestDatabases;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.event.MessageEvent;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast signed Slack DM events are acknowledged now that each one is written to the durable work queue before its
 * acknowledgement, beside a bare Bolt app in the same run: Bolt's own {@code SlackAppServlet} with the same signing
 * secret in the same embedded Tomcat (Spring Boot's factory), whose {@code message} handler only acknowledges. Each
 * target gets the same load: 8,000 distinct {@code event_callback} DM events from {@value #USERS} people,
 * {@value #CONCURRENCY} at a time over HTTP, after a warm-up; the targets take turns over the rounds (the order
 * reversed each round), so a build running beside them on the shared machine hits all of them alike. For the service
 * it also waits until every DM was answered, once, through the fake Slack (the queue drained) and reports how long
 * that took after the last acknowledgement. Not part of the normal test run; it prints its figures and asserts nothing.
 *
 * <p>The fake Slack answers at once and the service's pacing is opened up (as in {@link ChildInstance}), so the
 * drain time is the service's own; against Slack, one workspace's posts are capped at several hundred a minute.
 *
 * <p>Run: {@code ./mvnw test -Dtest=IngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (-Dingest.rounds=3; -Dingest.h2=false leaves out the service on H2, -Dingest.postgres=false the one on
 * PostgreSQL; -Dingest.events= and -Dingest.warm-up= change the load; -Dingest.service-args="--pulse.work.threads=4
 * ..." passes settings to the service)
 */
class IngestBenchmark {

    private static final BenchmarkReport REPORT = BenchmarkReport.of(IngestBenchmark.class);

    static final int EVENTS = Integer.getInteger("ingest.events", 8000);
    static final int CONCURRENCY = 8;
    static final int USERS = 300;
    static final int WARM_UP = Integer.getInteger("ingest.warm-up", 3000);
    static final String TEAM = "T0INGEST";

    private final List<String> users =
            IntStream.range(0, USERS).mapToObj(i -> String.format("UI%04d", i)).toList();

    @Test
    void signedDirectMessagesAcknowledgedBesideABareBoltApp() throws Exception {
        int rounds = Integer.getInteger("ingest.rounds", 2);
        boolean withH2 = Boolean.parseBoolean(System.getProperty("ingest.h2", "true"));
        boolean withPostgres = Boolean.parseBoolean(System.getProperty("ingest.postgres", "true"));
        List<Target> targets = new ArrayList<>();
        try {
            targets.add(new BareBolt(fakeSlack()));
            if (withPostgres) {
                targets.add(new Service("service, PostgreSQL", TestDatabases.postgresUrl(), "postgres", fakeSlack()));
            }
            if (withH2) {
                Path dir = Files.createTempDirectory("trust-pulse-ingest-");
                targets.add(new Service(
                        "service, H2 file",
                        "jdbc:h2:file:" + dir.resolve("db") + TestDatabases.H2_FLAGS + ";AUTO_SERVER=FALSE",
                        "sa",
                        fakeSlack()));
            }
            for (Target t : targets) {
                Run warm = drive(t, "warm", WARM_UP);
                t.awaitAnswered(Duration.ofMinutes(5));
                REPORT.printf(
                        "warm-up %-20s %,d events, %,d acknowledged 200, %.0f events/s%n",
                        t.name(), WARM_UP, warm.ok(), warm.throughput());
            }
            Map<String, List<Run>> runs = new LinkedHashMap<>();
            targets.forEach(t -> runs.put(t.name(), new ArrayList<>()));
            for (int round = 1; round <= rounds; round++) {
                List<Target> order = new ArrayList<>(targets);
                if (round % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                for (Target t : order) {
                    Run run = drive(t, "r" + round, EVENTS);
                    Drain drain = t.awaitAnswered(Duration.ofMinutes(10));
                    run = run.drained(drain);
                    runs.get(t.name()).add(run);
                    REPORT.printf("round %d %-20s %s%n", round, t.name(), run.line());
                }
            }
            print(runs, rounds);
        } finally {
            for (Target t : targets) {
                t.close();
            }
        }
    }

    private FakeSlack fakeSlack() throws java.io.IOException {
        FakeSlack slack = new FakeSlack().token(ChildInstance.TOKEN, TEAM);
        users.forEach(u -> slack.user(u, "Person " + u, "Europe/Amsterdam", false));
        return slack;
    }

    // ---- the load

    record Drain(double seconds, long queuedAtLastAck, long answered, long expected, long doubled, long missing) {}

    /**
     * CPU seconds spent while the events were sent: this JVM (load, servers, workers), the PostgreSQL server, and the
     * servers' request threads alone (Tomcat's {@code -exec-} threads, which do nothing but acknowledge, and the
     * service's {@link GroupCommit} committer, which writes their acknowledgements; only one target is driven at a
     * time), per thread id so threads started meanwhile count too. Of the acknowledging threads' CPU, the part spent in
     * the kernel (their CPU time less their user time: sockets, and a thread parked and woken while it waits), which
     * a profile of Java frames does not see.
     */
    record Cpu(
            double jvm,
            double postgres,
            Map<Long, Long> requestThreads,
            Map<Long, Long> committers,
            Map<Long, Long> acknowledgingUser,
            double acknowledging,
            double committing,
            double acknowledgingKernel) {

        static Cpu now() {
            return new Cpu(
                    ((com.sun.management.OperatingSystemMXBean)
                                            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                                    .getProcessCpuTime()
                            / 1e9,
                    postgresCpu(),
                    threadCpu(false),
                    threadCpu(true),
                    acknowledgingUserTime(),
                    0,
                    0,
                    0);
        }

        /** Acknowledging is the request threads and the committer together; committing the committer alone. */
        Cpu since(Cpu start) {
            double committed = nanosSince(committers, start.committers) / 1e9;
            double acknowledged = nanosSince(requestThreads, start.requestThreads) / 1e9 + committed;
            return new Cpu(
                    jvm - start.jvm,
                    postgres - start.postgres,
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    acknowledged,
                    committed,
                    acknowledged - nanosSince(acknowledgingUser, start.acknowledgingUser) / 1e9);
        }

        /** User time of the request threads and the committer. */
        private static Map<Long, Long> acknowledgingUserTime() {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            Map<Long, Long> user = new HashMap<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals(GroupCommit.THREAD) || t.getName().contains("-exec-")) {
                    long nanos = threads.getThreadUserTime(t.getId());
                    if (nanos >= 0) {
                        user.put(t.getId(), nanos);
                    }
                }
            }
            return user;
        }

        private static long nanosSince(Map<Long, Long> end, Map<Long, Long> start) {
            long nanos = 0;
            for (Map.Entry<Long, Long> e : end.entrySet()) {
                nanos += e.getValue() - start.getOrDefault(e.getKey(), 0L);
            }
            return nanos;
        }

        private static Map<Long, Long> threadCpu(boolean committer) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            Map<Long, Long> cpu = new HashMap<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                boolean wanted = committer
                        ? t.getName().equals(GroupCommit.THREAD)
                        : t.getName().contains("-exec-");
                if (wanted) {
                    long nanos = threads.getThreadCpuTime(t.getId());
                    if (nanos >= 0) {
                        cpu.put(t.getId(), nanos);
                    }
                }
            }
            return cpu;
        }

        /** The embedded PostgreSQL server (its postmaster), once the service on it has started; 0 before. */
        static volatile long postmaster;

        /**
         * utime + stime of the embedded server's processes (Linux /proc, 0 elsewhere), in seconds: the postmaster with
         * its ended children, and every living backend. Other PostgreSQL servers on the machine are not counted.
         */
        private static double postgresCpu() {
            long server = postmaster;
            if (server == 0) {
                return 0;
            }
            long ticks = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs::iterator) {
                    if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long pid = Long.parseLong(p.getFileName().toString());
                        if (pid == server) {
                            ticks += Long.parseLong(f[11])
                                    + Long.parseLong(f[12])
                                    + Long.parseLong(f[13])
                                    + Long.parseLong(f[14]);
                        } else if (Long.parseLong(f[1]) == server) {
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            } catch (java.io.IOException e) {
                return 0;
            }
            return ticks / 100.0;
        }
    }

    record Run(int events, int ok, double seconds, long[] nanos, Cpu cpu, Drain drain) {

        double throughput() {
            return events / seconds;
        }

        double ms(double quantile) {
            int i = (int) Math.ceil(quantile * nanos.length) - 1;
            return nanos[Math.max(0, Math.min(nanos.length - 1, i))] / 1e6;
        }

        Run drained(Drain d) {
            return new Run(events, ok, seconds, nanos, cpu, d);
        }

        /** CPU milliseconds per event, in this JVM and in PostgreSQL. */
        double jvmMs() {
            return cpu.jvm() * 1000 / events;
        }

        double postgresMs() {
            return cpu.postgres() * 1000 / events;
        }

        /** CPU milliseconds per event on the threads that received and acknowledged the requests. */
        double ackMs() {
            return cpu.acknowledging() * 1000 / events;
        }

        /** Of that, the committer's. */
        double commitMs() {
            return cpu.committing() * 1000 / events;
        }

        /** Of that, the part spent in the kernel. */
        double kernelMs() {
            return cpu.acknowledgingKernel() * 1000 / events;
        }

        String line() {
            String s = String.format(
                    "%,6.0f events/s  p50 %5.1f  p95 %5.1f  p99 %5.1f  max %6.1f ms  200: %,d/%,d"
                            + "  CPU/event: JVM %.2f ms (acknowledging %.2f ms, of it committing %.2f ms and in the"
                            + " kernel %.2f ms), PostgreSQL %.2f ms",
                    throughput(),
                    ms(0.50),
                    ms(0.95),
                    ms(0.99),
                    ms(1.0),
                    ok,
                    events,
                    jvmMs(),
                    ackMs(),
                    commitMs(),
                    kernelMs(),
                    postgresMs());
            if (drain != null) {
                s += String.format(
                        "  answered %,d/%,d (doubled %d, missing %d), %,d still queued at the last ack, "
                                + "drained %.1f s after it",
                        drain.answered(),
                        drain.expected(),
                        drain.doubled(),
                        drain.missing(),
                        drain.queuedAtLastAck(),
                        drain.seconds());
            }
            return s;
        }
    }

    /**
     * Sends the events, CONCURRENCY at a time, and times each acknowledgement; bodies are signed before the clock
     * starts.
     */
    private Run drive(Target target, String batch, int count) throws Exception {
        SlackClientSim sim = new SlackClientSim(target.port(), ChildInstance.SECRET, TEAM);
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        String[] bodies = new String[count];
        String[] signatures = new String[count];
        for (int i = 0; i < count; i++) {
            String user = users.get(i % USERS);
            bodies[i] = sim.event(
                    "Ev" + target.tag() + batch + "x" + i, SlackClientSim.imMessage(user, "D" + user, "status"));
            signatures[i] = sim.sign(ts, bodies[i]);
            target.sent(user);
        }
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + target.port() + "/slack/events");
        long[] nanos = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < CONCURRENCY; t++) {
            Thread thread = new Thread(
                    () -> {
                        try {
                            go.await();
                            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                                HttpRequest request = HttpRequest.newBuilder(uri)
                                        .header("Content-Type", "application/json")
                                        .header("X-Slack-Request-Timestamp", ts)
                                        .header("X-Slack-Signature", signatures[i])
                                        .POST(HttpRequest.BodyPublishers.ofString(bodies[i]))
                                        .build();
                                long start = System.nanoTime();
                                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                                nanos[i] = System.nanoTime() - start;
                                if (r.statusCode() == 200) {
                                    ok.incrementAndGet();
                                }
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    "ingest-load-" + t);
            thread.start();
            threads.add(thread);
        }
        Cpu cpu = Cpu.now();
        long start = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        cpu = Cpu.now().since(cpu);
        target.acknowledged();
        Arrays.sort(nanos);
        return new Run(count, ok.get(), seconds, nanos, cpu, null);
    }

    // ---- the two kinds of target

    interface Target extends AutoCloseable {

        String name();

        String tag();

        int port();

        /** One more DM from this person is on its way. */
        default void sent(String user) {}

        /** The last event of a run was acknowledged. */
        default void acknowledged() {}

        /** Waits until every DM sent so far was answered; null when the target answers nothing. */
        default Drain awaitAnswered(Duration max) throws InterruptedException {
            return null;
        }

        @Override
        void close();
    }

    /** Bolt's servlet and a message handler that only acknowledges, in Spring Boot's embedded Tomcat. */
    static final class BareBolt implements Target {

        private final FakeSlack slack;
        private final WebServer server;

        BareBolt(FakeSlack slack) {
            this.slack = slack;
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(slack.apiUrl());
            App app = new App(AppConfig.builder()
                    .slack(Slack.getInstance(config))
                    .signingSecret(ChildInstance.SECRET)
                    .singleTeamBotToken(ChildInstance.TOKEN)
                    .authTestCacheEnabled(true)
                    .build());
            app.event(MessageEvent.class, (payload, ctx) -> ctx.ack());
            server = new TomcatServletWebServerFactory(0)
                    .getWebServer(context ->
                            context.addServlet("bolt", new SlackAppServlet(app)).addMapping("/slack/events"));
            server.start();
        }

        @Override
        public String name() {
            return "bare Bolt app";
        }

        @Override
        public String tag() {
            return "bare";
        }

        @Override
        public int port() {
            return server.getPort();
        }

        @Override
        public void close() {
            server.stop();
            slack.close();
        }
    }

    /** The whole service, its durable work queue on the given database, against a fake Slack that answers at once. */
    final class Service implements Target {

        private final String name;
        private final FakeSlack slack;
        private final ConfigurableApplicationContext app;
        private final int port;
        private final Map<String, Integer> sent = new HashMap<>();
        private long queuedAtLastAck;
        private long lastAck;

        Service(String name, String url, String user, FakeSlack slack) throws Exception {
            this.name = name;
            this.slack = slack;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> args = new ArrayList<>(List.of(
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + user,
                    "--spring.datasource.password=",
                    "--server.port=" + port,
                    "--pulse.playground.enabled=false",
                    "--pulse.pseudonym-secret=ingest-benchmark-pseudonym-secret-0123456789",
                    "--slack.bot-token=" + ChildInstance.TOKEN,
                    "--slack.signing-secret=" + ChildInstance.SECRET,
                    "--slack.api-url=" + slack.apiUrl(),
                    // The fake answers any pace; Slack's limits would make the drain Slack's, not the service's.
                    "--slack.conversation-spacing=20ms",
                    "--slack.benchmark-time-compression=50"));
            String extra = System.getProperty("ingest.service-args", "");
            if (!extra.isBlank()) {
                args.addAll(List.of(extra.trim().split("\\s+")));
            }
            app = new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
            if (url.startsWith("jdbc:postgresql:")) {
                long backend = app.getBean(JdbcClient.class)
                        .sql("SELECT pg_backend_pid()")
                        .query(Long.class)
                        .single();
                try {
                    String stat = Files.readString(Path.of("/proc", String.valueOf(backend), "stat"));
                    Cpu.postmaster = Long.parseLong(
                            stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
                } catch (java.io.IOException notLinux) {
                    Cpu.postmaster = 0;
                }
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String tag() {
            return name.contains("H2") ? "h2" : "pg";
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public void sent(String user) {
            sent.merge(user, 1, Integer::sum);
        }

        @Override
        public void acknowledged() {
            lastAck = System.nanoTime();
            queuedAtLastAck = queued();
        }

        private long queued() {
            return app.getBean(JdbcClient.class)
                    .sql("SELECT count(*) FROM scheduled_tasks")
                    .query(Long.class)
                    .single();
        }

        @Override
        public Drain awaitAnswered(Duration max) throws InterruptedException {
            long expected = sent.values().stream().mapToLong(Integer::longValue).sum();
            long deadline = System.nanoTime() + max.toNanos();
            while (answered() < expected && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - lastAck) / 1e9;
            // Anything doubled would show up a moment later.
            Thread.sleep(1000);
            long doubled = 0;
            long missing = 0;
            for (Map.Entry<String, Integer> e : sent.entrySet()) {
                int got = slack.postedCount("D" + e.getKey());
                doubled += Math.max(0, got - e.getValue());
                missing += Math.max(0, e.getValue() - got);
            }
            slack.clearRecords();
            return new Drain(seconds, queuedAtLastAck, answered(), expected, doubled, missing);
        }

        private long answered() {
            return sent.keySet().stream()
                    .mapToLong(u -> slack.postedCount("D" + u))
                    .sum();
        }

        @Override
        public void close() {
            app.close();
            slack.close();
        }
    }

    // ---- the summary

    private static void print(Map<String, List<Run>> runs, int rounds) {
        List<Run> bare = runs.get("bare Bolt app");
        REPORT.printf(
                "%nIngest of %,d signed DM events at concurrency %d (%d people), %d rounds, %d cores, Java %s%n",
                EVENTS,
                CONCURRENCY,
                USERS,
                rounds,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        REPORT.println(
                "| target | events/s | × bare (same round) | p50 ms | p95 ms | p99 ms | max ms | CPU ms/event (JVM + PostgreSQL) | acknowledging CPU ms/event (× bare) | of it, the committer's | of it, in the kernel | 200 | answered | drained after the last ack |");
        REPORT.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        runs.forEach((name, list) -> {
            StringBuilder ratio = new StringBuilder();
            StringBuilder ackRatio = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                if (list != bare) {
                    ratio.append(i == 0 ? "" : ", ")
                            .append(String.format(
                                    "%.2f",
                                    list.get(i).throughput() / bare.get(i).throughput()));
                    ackRatio.append(i == 0 ? "" : ", ")
                            .append(String.format(
                                    "%.2f", list.get(i).ackMs() / bare.get(i).ackMs()));
                }
            }
            REPORT.printf(
                    "| %s | %s | %s | %s | %s | %s | %s | %s + %s | %s (%s) | %s | %s | %s | %s | %s |%n",
                    name,
                    range(list, Run::throughput, "%,.0f"),
                    list == bare ? "1" : ratio,
                    range(list, r -> r.ms(0.5), "%.1f"),
                    range(list, r -> r.ms(0.95), "%.1f"),
                    range(list, r -> r.ms(0.99), "%.1f"),
                    range(list, r -> r.ms(1.0), "%.0f"),
                    range(list, Run::jvmMs, "%.2f"),
                    range(list, Run::postgresMs, "%.2f"),
                    range(list, Run::ackMs, "%.2f"),
                    list == bare ? "1" : ackRatio,
                    list == bare ? "—" : range(list, Run::commitMs, "%.2f"),
                    range(list, Run::kernelMs, "%.2f"),
                    list.stream()
                            .map(r -> r.ok() + "/" + r.events())
                            .distinct()
                            .reduce((a, b) -> a + ", " + b)
                            .orElse(""),
                    list.get(0).drain() == null
                            ? "—"
                            : list.stream()
                                    .map(r -> String.format(
                                            "%,d/%,d",
                                            r.drain().answered(), r.drain().expected()))
                                    .reduce((a, b) -> a + ", " + b)
                                    .orElse(""),
                    list.get(0).drain() == null
                            ? "—"
                            : range(list, r -> r.drain().seconds(), "%.1f s"));
        });
    }

    private static String range(List<Run> runs, java.util.function.ToDoubleFunction<Run> f, String format) {
        double min = runs.stream().mapToDouble(f).min().orElse(0);
        double max = runs.stream().mapToDouble(f).max().orElse(0);
        String lo = String.format(format, min);
        String hi = String.format(format, max);
        return lo.equals(hi) ? lo : lo + "–" + hi;
    }
}
