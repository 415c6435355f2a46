package app.trustpulse.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

/** Bot Connector tokens for tests: the real shape, signed with a key the fake connector publishes (or not). */
final class TestTokens {

    static final String ISSUER = "https://api.botframework.com";
    static final String KEY_ID = "test-signing-key";

    private final KeyPair published = rsa();
    private final KeyPair unknown = rsa();

    RSAPublicKey publishedKey() {
        return (RSAPublicKey) published.getPublic();
    }

    /** What the Bot Connector sends: signed with the published key, for our app id and the activity's service URL. */
    String valid(String appId, String serviceUrl) {
        return sign(published, KEY_ID, ISSUER, appId, serviceUrl);
    }

    /** Same claims and key id, signed with a key nobody published. */
    String forgedSignature(String appId, String serviceUrl) {
        return sign(unknown, KEY_ID, ISSUER, appId, serviceUrl);
    }

    /** Signed with the published key, but for another bot. */
    String otherAudience(String serviceUrl) {
        return sign(published, KEY_ID, ISSUER, "someone-elses-app", serviceUrl);
    }

    /** A token with no signature at all ("alg": "none"). */
    String unsigned(String appId, String serviceUrl) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + appId + "\",\"serviceurl\":\"" + serviceUrl
                + "\",\"nbf\":" + (now - 60) + ",\"exp\":" + (now + 600) + "}";
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String sign(KeyPair pair, String kid, String issuer, String audience, String serviceUrl) {
        Instant now = Instant.now();
        return JWT.create()
                .withKeyId(kid)
                .withIssuer(issuer)
                .withAudience(audience)
                .withClaim("serviceurl", serviceUrl)
                .withNotBefore(java.util.Date.from(now.minusSeconds(60)))
                .withExpiresAt(java.util.Date.from(now.plusSeconds(600)))
                .sign(Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate()));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
