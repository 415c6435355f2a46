package app.trustpulse.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts tokens at rest with AES-256-GCM. Each value gets a fresh 12-byte nonce; the workspace id is bound in as
 * associated data, so a token copied to another workspace's row does not decrypt.
 * Stored form: {@code v1:} + base64(nonce ‖ ciphertext ‖ tag).
 */
final class TokenCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    TokenCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException(
                    "SLACK_TOKEN_ENCRYPTION_KEY must be 32 bytes, base64-encoded (e.g. openssl rand -base64 32)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    static TokenCipher fromBase64(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SLACK_TOKEN_ENCRYPTION_KEY is not valid base64", e);
        }
        return new TokenCipher(raw);
    }

    String encrypt(String plain, String workspaceId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(workspaceId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a token", e);
        }
    }

    String decrypt(String stored, String workspaceId) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("stored token is not in a known format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            c.updateAAD(workspaceId.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "cannot decrypt the token of workspace " + workspaceId
                            + " (was SLACK_TOKEN_ENCRYPTION_KEY changed?)",
                    e);
        }
    }
}
