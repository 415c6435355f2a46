package app.trustpulse.config;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Slow;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service in a JVM of its own whose environment is {@code .env.example} copied unchanged, as
 * {@code set -a; . ./.env} or {@code docker run --env-file} give it: it starts on its H2 file under {@code ./data}
 * with the playground. Only the port is given on the command line, so that the test does not need 8080 free.
 */
@Slow
class EnvExampleStartsTest {

    @Test
    void theServiceStartsWithTheExampleAsItsEnvironment(@TempDir Path directory) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx320m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classpath,
                        "app.trustpulse.Application",
                        "--server.port=" + port,
                        "--logging.level.root=WARN"))
                .directory(directory.toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        // Nothing of the service's own from the machine running the test: only what the example says.
        environment.keySet().removeIf(EmptySettingsUnset::own);
        for (String line : Files.readAllLines(Path.of(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                environment.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertThat(environment)
                .containsEntry("SPRING_DATASOURCE_URL", "")
                .containsEntry("PULSE_PSEUDONYM_SECRET_FILE", "");
        Path log = directory.resolve("service.log");
        Process process = builder.redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(1))
                    .build();
            assertThat(awaitReady(process, http, port, log)).as("readiness").isEqualTo(200);
            assertThat(get(http, port, "/playground").statusCode()).isEqualTo(200);
            assertThat(directory.resolve("data/trust-pulse.mv.db"))
                    .as("the default H2 file database")
                    .exists();
        } finally {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private static int awaitReady(Process process, HttpClient http, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited at start:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = get(http, port, "/actuator/health/readiness");
                if (r.statusCode() == 200) {
                    return 200;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service was not ready in time:\n" + Files.readString(log));
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
