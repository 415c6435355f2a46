package app.trustpulse.slack;

import app.trustpulse.Slow;
import app.trustpulse.support.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The insider's attacks on the default database: an H2 file, read byte by byte. */
@Slow
class InsiderReadsH2FilesTest extends InsiderReadsTheDatabase {

    static final FakeSlack SLACK = FailingSlackWeek.fakeSlack();
    static final Path DIRECTORY = directory();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        FailingSlackWeek.properties(
                r,
                SLACK,
                () -> "jdbc:h2:file:" + DIRECTORY.resolve("trust-pulse") + TestDatabases.H2_FLAGS
                        + ";AUTO_SERVER=FALSE");
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @Override
    FakeSlack slack() {
        return SLACK;
    }

    @Override
    Path databaseFiles() {
        return DIRECTORY;
    }

    @Override
    void checkpoint() {
        jdbc.sql("CHECKPOINT SYNC").update();
    }

    private static Path directory() {
        try {
            Path dir = Files.createTempDirectory("insider-h2");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it up in the end
        }
    }
}
