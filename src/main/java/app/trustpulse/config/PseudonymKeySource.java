package app.trustpulse.config;

import app.trustpulse.pulse.SecretStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key of the answer pseudonyms comes from. A key kept in the same database as the answers would let anyone
 * with a copy of that database recompute every member's pseudonym, so with a real platform the key must come from
 * outside: {@code PULSE_PSEUDONYM_SECRET}, or a file such as a mounted secret ({@code PULSE_PSEUDONYM_SECRET_FILE}).
 * Only the local playground, alone, may keep a generated key in its database.
 */
final class PseudonymKeySource {

    static final String STORED_NAME = "pseudonym";
    private static final Logger LOG = LoggerFactory.getLogger(PseudonymKeySource.class);
    private static final String BASE64 = "base64:";

    private PseudonymKeySource() {}

    static byte[] resolve(
            Optional<String> secret, Optional<Path> secretFile, List<String> realPlatforms, SecretStore store) {
        Optional<byte[]> outside = fromOutside(secret, secretFile);
        if (outside.isPresent()) {
            if (store.remove(STORED_NAME)) {
                LOG.warn(
                        "Removed the pseudonym key that an earlier version kept in the database: the key now comes from "
                                + "the environment. Answers stored under another key no longer match anyone; see docs/privacy.md, "
                                + "'Rotating the key'.");
            }
            return outside.get();
        }
        if (!realPlatforms.isEmpty()) {
            throw new MissingPseudonymKeyException(realPlatforms);
        }
        LOG.info("PULSE_PSEUDONYM_SECRET is not set: the playground uses a key generated and kept in its own database");
        return store.getOrCreate(STORED_NAME, () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return key;
        });
    }

    /** The key before the last rotation, if one is given; an empty variable counts as not set. */
    static java.util.List<byte[]> retired(Optional<String> retired) {
        return retired.filter(s -> !s.isBlank()).map(String::strip).map(PseudonymKeySource::bytes).stream()
                .toList();
    }

    private static Optional<byte[]> fromOutside(Optional<String> givenSecret, Optional<Path> givenFile) {
        // An empty variable (as in a copied .env.example) counts as not set.
        Optional<String> secret = givenSecret.filter(s -> !s.isBlank());
        Optional<Path> secretFile = givenFile.filter(f -> !f.toString().isBlank());
        if (secret.isPresent() && secretFile.isPresent()) {
            throw new IllegalArgumentException("set PULSE_PSEUDONYM_SECRET or PULSE_PSEUDONYM_SECRET_FILE, not both");
        }
        Optional<String> text = secret.or(() -> secretFile.map(PseudonymKeySource::read));
        return text.map(PseudonymKeySource::bytes);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "PULSE_PSEUDONYM_SECRET_FILE " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** "base64:..." carries raw key bytes (as an earlier version stored them); anything else is used as UTF-8 text. */
    private static byte[] bytes(String text) {
        byte[] key;
        if (text.startsWith(BASE64)) {
            try {
                key = Base64.getDecoder().decode(text.substring(BASE64.length()).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the pseudonym key after 'base64:' is not valid base64");
            }
        } else {
            key = text.getBytes(StandardCharsets.UTF_8);
        }
        if (key.length < 32) {
            throw new IllegalArgumentException(
                    "the pseudonym key must be at least 32 bytes (e.g. openssl rand -base64 48)");
        }
        return key;
    }
}
