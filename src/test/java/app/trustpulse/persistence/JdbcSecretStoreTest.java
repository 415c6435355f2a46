package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.concurrently;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcSecretStoreTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Supplier<byte[]> GENERATOR = () -> {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    };

    @BothDatabases
    void aSecretIsGeneratedOnceAndThenStaysTheSame(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        AtomicInteger generated = new AtomicInteger();
        Supplier<byte[]> counting = () -> {
            generated.incrementAndGet();
            return GENERATOR.get();
        };

        byte[] first = new JdbcSecretStore(jdbc).getOrCreate("pseudonym-key", counting);
        byte[] again = new JdbcSecretStore(jdbc).getOrCreate("pseudonym-key", counting);
        byte[] other = new JdbcSecretStore(jdbc).getOrCreate("token-key", counting);

        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(other).isNotEqualTo(first);
        assertThat(generated).hasValue(2);
    }

    @BothDatabases
    void instancesStartingTogetherAgreeOnOneSecret(TestDb db) throws Exception {
        var store = new JdbcSecretStore(jdbc(db));

        List<byte[]> secrets = concurrently(6, () -> store.getOrCreate("pseudonym-key", GENERATOR));

        assertThat(secrets).allSatisfy(s -> assertThat(s).isEqualTo(secrets.get(0)));
    }
}
