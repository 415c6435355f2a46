package app.trustpulse.pulse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869): every key for personal data is derived from the one secret kept outside the database, each
 * for one purpose, so a key used for one thing tells nothing of another.
 */
final class KeyDerivation {

    private static final byte[] SALT = "trust-pulse personal data".getBytes(StandardCharsets.UTF_8);

    private KeyDerivation() {}

    static byte[] derive(byte[] secret, String purpose) {
        byte[] prk = hmac(SALT, secret);
        // One block of output is the 32 bytes every key here needs.
        return hmac(prk, concat(purpose.getBytes(StandardCharsets.UTF_8), new byte[] {1}));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
