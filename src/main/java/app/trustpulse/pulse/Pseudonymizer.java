package app.trustpulse.pulse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a person into a keyed pseudonym (HMAC-SHA256 with a server secret), per team, so that answers
 * can be matched for edits without the platform user id ever being stored beside them.
 */
public final class Pseudonymizer {

    private final SecretKeySpec key;

    public Pseudonymizer(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("pseudonym secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String pseudonym(long teamId, Platform platform, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((platform.code() + "|" + teamId + "|" + userId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
