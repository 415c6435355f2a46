package app.trustpulse.pulse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Keyed pseudonyms (HMAC-SHA256 under keys derived from the secret kept outside the database), each for one purpose
 * and as narrow as that purpose allows, so no stored value ties one of a person's rows to another:
 * <ul>
 *   <li>an answer's pseudonym holds for one team and one week only: a person's answers of different weeks share
 *       nothing, and the rows of one week are found again by a token derived from it per dimension;</li>
 *   <li>the order in which a person meets the dimensions is drawn from a key of its own, so knowing who was asked
 *       what tells nothing about which answer is whose;</li>
 *   <li>the giver of feedback is stored only inside the sealed feedback, to count different givers;</li>
 *   <li>a giver token marks who is already in a four-week block's trust-in-the-leader pool; it holds for one team and
 *       one block, and matches no answer's token.</li>
 * </ul>
 */
public final class Pseudonymizer {

    private final byte[] answerKey;
    private final List<byte[]> retiredAnswerKeys;
    private final byte[] rotationKey;
    private final byte[] giverKey;
    private final byte[] poolGiverKey;
    private final List<byte[]> retiredPoolGiverKeys;
    private final byte[] legacyKey;

    /** @param retired earlier secrets, so answers given under them this week are still found and replaced */
    Pseudonymizer(byte[] secret, List<byte[]> retired) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("pseudonym secret must be at least 32 bytes");
        }
        this.answerKey = KeyDerivation.derive(secret, "answer pseudonym v2");
        this.retiredAnswerKeys = retired.stream()
                .map(r -> KeyDerivation.derive(r, "answer pseudonym v2"))
                .toList();
        this.rotationKey = KeyDerivation.derive(secret, "statement rotation v1");
        this.giverKey = KeyDerivation.derive(secret, "feedback giver v1");
        this.poolGiverKey = KeyDerivation.derive(secret, "trust in leader giver v1");
        this.retiredPoolGiverKeys = retired.stream()
                .map(r -> KeyDerivation.derive(r, "trust in leader giver v1"))
                .toList();
        this.legacyKey = secret.clone();
    }

    /** The person's pseudonym for their answers in one team and one week. */
    public String pseudonym(long teamId, Platform platform, String userId, WeekId week) {
        return hex(KeyDerivation.hmac(answerKey, bytes(platform.code(), teamId, userId, week)));
    }

    /** The same pseudonym under each retired secret: answers given before a key rotation are found by these. */
    public List<String> formerPseudonyms(long teamId, Platform platform, String userId, WeekId week) {
        return retiredAnswerKeys.stream()
                .map(k -> hex(KeyDerivation.hmac(k, bytes(platform.code(), teamId, userId, week))))
                .toList();
    }

    /** A number that orders the dimensions for the person; only the secret's holder can tell it from the id. */
    public long rotationKey(long teamId, Platform platform, String userId) {
        byte[] mac = KeyDerivation.hmac(rotationKey, bytes(platform.code(), teamId, userId));
        return ByteBuffer.wrap(mac).getLong() & Long.MAX_VALUE;
    }

    /** Who gave a feedback, for counting different givers; stored only inside the sealed feedback. */
    public String feedbackGiver(long teamId, Platform platform, String userId) {
        return hex(KeyDerivation.hmac(giverKey, bytes(platform.code(), teamId, userId)));
    }

    /**
     * The person's giver tokens for a four-week block's trust-in-the-leader pool: the current one first, then one per
     * retired secret, so a person pooled before a key rotation is still known to be in the block.
     */
    public List<String> poolGivers(long teamId, Platform platform, String userId, WeekId blockStart) {
        List<String> tokens = new java.util.ArrayList<>();
        tokens.add(hex(KeyDerivation.hmac(poolGiverKey, bytes(platform.code(), teamId, userId, blockStart))));
        retiredPoolGiverKeys.forEach(k ->
                tokens.add(hex(KeyDerivation.hmac(k, bytes(platform.code(), teamId, userId, blockStart)))));
        return tokens;
    }

    /** The pseudonym of earlier versions (per team, for every week alike), to seal their data anew once. */
    public String legacyPseudonym(long teamId, Platform platform, String userId) {
        return hex(KeyDerivation.hmac(
                legacyKey, (platform.code() + "|" + teamId + "|" + userId).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] bytes(Object... parts) {
        StringBuilder s = new StringBuilder();
        for (Object p : parts) {
            // Length-prefixed, so no two different lists of parts give the same bytes.
            String text = String.valueOf(p);
            s.append(text.length()).append(':').append(text).append('|');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] mac) {
        return HexFormat.of().formatHex(mac);
    }
}
