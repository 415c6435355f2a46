package app.trustpulse.persistence;

import app.trustpulse.pulse.SecretStore;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Secrets in table {@code app_secret}, base64; the first instance to insert a name decides its secret. */
final class JdbcSecretStore implements SecretStore {

    private final JdbcClient jdbc;

    JdbcSecretStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] getOrCreate(String name, Supplier<byte[]> generator) {
        Optional<String> stored = read(name);
        if (stored.isEmpty()) {
            jdbc.sql(
                            "INSERT INTO app_secret (name, secret, created_at) VALUES (:name, :secret, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING")
                    .param("name", name)
                    .param("secret", Base64.getEncoder().encodeToString(generator.get()))
                    .update();
            stored = read(name);
        }
        return Base64.getDecoder()
                .decode(stored.orElseThrow(() -> new IllegalStateException("secret " + name + " not stored")));
    }

    @Override
    public boolean remove(String name) {
        return jdbc.sql("DELETE FROM app_secret WHERE name = :name")
                        .param("name", name)
                        .update()
                > 0;
    }

    private Optional<String> read(String name) {
        return jdbc.sql("SELECT secret FROM app_secret WHERE name = :name")
                .param("name", name)
                .query(String.class)
                .optional();
    }
}
