package app.trustpulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.Application;
import app.trustpulse.pulse.SecretStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class PseudonymKeySourceTest {

    private static final String KEY = "k".repeat(40);

    /** A secret store in memory, as the database would keep it. */
    static final class StoredSecrets implements SecretStore {
        final Map<String, byte[]> secrets = new HashMap<>();

        @Override
        public byte[] getOrCreate(String name, Supplier<byte[]> generator) {
            return secrets.computeIfAbsent(name, n -> generator.get());
        }

        @Override
        public boolean remove(String name) {
            return secrets.remove(name) != null;
        }
    }

    @Test
    void withSlackOrTeamsAKeyMustComeFromOutsideTheDatabase() {
        StoredSecrets store = new StoredSecrets();

        assertThatThrownBy(
                        () -> PseudonymKeySource.resolve(Optional.empty(), Optional.empty(), List.of("Slack"), store))
                .isInstanceOf(MissingPseudonymKeyException.class);
        assertThat(store.secrets).isEmpty();
    }

    @Test
    void thePlaygroundAloneGeneratesOneKeyAndKeepsIt() {
        StoredSecrets store = new StoredSecrets();

        byte[] first = PseudonymKeySource.resolve(Optional.empty(), Optional.empty(), List.of(), store);
        byte[] second = PseudonymKeySource.resolve(Optional.empty(), Optional.empty(), List.of(), store);

        assertThat(first).hasSize(32).isEqualTo(second);
    }

    @Test
    void aKeyFromTheEnvironmentRemovesTheCopyAnEarlierVersionKeptInTheDatabase() {
        StoredSecrets store = new StoredSecrets();
        byte[] old = PseudonymKeySource.resolve(Optional.empty(), Optional.empty(), List.of(), store);

        byte[] carriedOver = PseudonymKeySource.resolve(
                Optional.of("base64:" + Base64.getEncoder().encodeToString(old)),
                Optional.empty(),
                List.of("Slack"),
                store);

        assertThat(carriedOver).isEqualTo(old);
        assertThat(store.secrets).isEmpty();
    }

    @Test
    void aKeyCanComeFromAMountedFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pseudonym-key"), KEY + "\n");

        byte[] key = PseudonymKeySource.resolve(
                Optional.empty(), Optional.of(file), List.of("Microsoft Teams"), new StoredSecrets());

        assertThat(key).isEqualTo(KEY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aShortOrUnreadableKeyIsRefusedWithTheReason(@TempDir Path dir) {
        assertThatThrownBy(() -> PseudonymKeySource.resolve(
                        Optional.of("short"), Optional.empty(), List.of(), new StoredSecrets()))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> PseudonymKeySource.resolve(
                        Optional.empty(), Optional.of(dir.resolve("missing")), List.of(), new StoredSecrets()))
                .hasMessageContaining("PULSE_PSEUDONYM_SECRET_FILE");
        assertThatThrownBy(() -> PseudonymKeySource.resolve(
                        Optional.of(KEY), Optional.of(dir.resolve("x")), List.of(), new StoredSecrets()))
                .hasMessageContaining("not both");
    }

    @Test
    void theServiceRefusesToStartWithSlackButWithoutAKeyAndSaysWhatToSet(CapturedOutput output) {
        SpringApplication app = new SpringApplication(Application.class);
        assertThatThrownBy(() -> app.run(
                        "--spring.datasource.url=jdbc:h2:mem:no-key;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                        "--server.port=0",
                        "--spring.quartz.auto-startup=false",
                        "--slack.bot-token=xoxb-real",
                        "--slack.signing-secret=real-signing-secret",
                        "--slack.api-url=http://127.0.0.1:9/api/"))
                .isInstanceOf(MissingPseudonymKeyException.class);
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Set PULSE_PSEUDONYM_SECRET to a random value of 32 or more characters");
    }
}
