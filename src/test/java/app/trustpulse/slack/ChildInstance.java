package app.trustpulse.slack;

import java.io.File;
import java.io.IOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The service in a JVM of its own, on a shared database and a fake Slack, so a test can kill it as an operator's
 * kill -9 or a crashed host would ({@link Process#destroyForcibly()}: SIGKILL, no shutdown hook runs).
 */
final class ChildInstance implements AutoCloseable {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TOKEN = "xoxb-child";

    private final Process process;
    final int port;
    final Path log;

    private ChildInstance(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Where the instances keep their data: the embedded default (no URL given, so the service's own H2 file URL, under
     * {@code ./data} of the directory the JVM runs in) or a PostgreSQL database. Instances started one after the other
     * in the same directory share the H2 file, as a restarted service does.
     */
    enum Db {
        H2,
        POSTGRES;

        Database in(Path directory) {
            return new Database(
                    this == POSTGRES ? app.trustpulse.support.TestDatabases.postgresUrl() : null, directory);
        }
    }

    /** {@code url} null: the service's default database, in {@code directory}. */
    record Database(String url, Path directory) {}

    static ChildInstance start(String name, Database db, FakeSlack slack) throws IOException, InterruptedException {
        return start(name, db, slack, TOKEN, Map.of());
    }

    /**
     * An instance with its own bot token (the fake maps each to the same workspace, so a test can tell which instance
     * made a call) and settings that replace the defaults below.
     */
    static ChildInstance start(String name, Database db, FakeSlack slack, String token, Map<String, String> settings)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // The application's classes and libraries, without the tests' own classes.
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        Map<String, String> all = new LinkedHashMap<>();
        if (db.url() != null) {
            all.put("spring.datasource.url", db.url());
            all.put("spring.datasource.username", "postgres");
            all.put("spring.datasource.password", "");
        }
        all.put("server.port", String.valueOf(port));
        all.put("pulse.playground.enabled", "false");
        all.put("pulse.pseudonym-secret", "kill-nine-test-pseudonym-secret-0123456789");
        all.put("slack.bot-token", token);
        all.put("slack.signing-secret", SECRET);
        all.put("slack.api-url", slack.apiUrl());
        all.put("slack.first-retry-delay", "50ms");
        // Longer than the 429 waits the tests make a call sit through.
        all.put("slack.call-timeout", "2m");
        // The fake answers any pace; Slack's limits would only slow the tests down.
        all.put("slack.conversation-spacing", "20ms");
        // Paced as if time ran 50 times faster: the share of Slack's limits stays at most 1.
        all.put("slack.benchmark-time-compression", "50");
        // The claim timeout stays at its default (15 minutes): what a killed instance held comes back with its
        // heartbeat, 4 × 2 s after it stopped beating, or the tests' time bounds fail.
        all.put("pulse.work.heartbeat-interval", "2s");
        all.put("pulse.work.missed-heartbeats", "4");
        all.put("pulse.work.polling-interval", "500ms");
        all.put("pulse.work.first-retry-delay", "500ms");
        all.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "2000");
        all.put("logging.level.root", "WARN");
        // Given once each: Spring joins a repeated command-line setting with commas.
        all.putAll(settings);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx320m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                "app.trustpulse.Application"));
        all.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        Path log = Files.createTempFile("trust-pulse-" + name + "-", ".log");
        Process p = new ProcessBuilder(cmd)
                .directory(db.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ChildInstance child = new ChildInstance(p, port, log);
        child.awaitReady();
        return child;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("instance exited at start:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("instance not ready in time:\n" + Files.readString(log));
    }

    SlackClientSim slack(String teamId) {
        return new SlackClientSim(port, SECRET, teamId);
    }

    /**
     * SIGTERM, as Kubernetes or systemd stop a service: the shutdown hooks run and work in flight may finish within
     * the service's shutdown wait. Returns when the JVM has exited; fails if it did not within the given time.
     */
    void stop(Duration max) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("instance still running " + max + " after SIGTERM");
        }
    }

    /** SIGKILL, as {@link #kill()}; returns when it was sent, as {@link System#nanoTime()}. */
    long killAt() throws InterruptedException {
        long at = System.nanoTime();
        kill();
        return at;
    }

    /** SIGKILL: the JVM stops at once, in the middle of whatever it does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** Waits until the condition holds, failing after {@code max}. */
    static void await(BooleanSupplier condition, Duration max) throws InterruptedException {
        await(condition, max, "condition");
    }

    /** Waits until the condition holds, failing after {@code max} with what was awaited. */
    static void await(BooleanSupplier condition, Duration max, String what) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not reached within " + max);
            }
            Thread.sleep(20);
        }
    }
}
