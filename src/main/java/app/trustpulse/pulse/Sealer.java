package app.trustpulse.pulse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal values before they reach the database, the work queue or a retry record: AES-256-GCM with a random
 * nonce, under a key derived from the secret kept outside the database. What the database, its WAL, its files and its
 * backups hold of a person is then ciphertext only. The context (which table, which team, which row) is bound in as
 * associated data, so a sealed value moved to another row does not open.
 *
 * <p>A sealed value reads {@code s1.<base64url(key id | nonce | ciphertext and tag)>}. The key id says which secret
 * sealed it: values sealed under a retired secret still open while it is configured, and are sealed anew under the
 * current one whenever they are written again.
 */
public final class Sealer {

    public static final String PREFIX = "s1.";
    private static final int KEY_ID_BYTES = 4;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String PURPOSE = "seal v1";
    private static final int LENGTH_BYTES = 4;
    /** Short values (a score, a set of statements) all take the same room. */
    public static final int DEFAULT_BLOCK = 128;

    private record Key(byte[] id, SecretKeySpec spec) {}

    private final Key current;
    private final List<Key> all;
    private final SecureRandom random = new SecureRandom();

    /** @param secret the current secret; {@code retired} secrets only open what they sealed before */
    Sealer(byte[] secret, List<byte[]> retired) {
        this.current = key(secret);
        List<Key> keys = new ArrayList<>();
        keys.add(current);
        retired.stream().map(Sealer::key).forEach(keys::add);
        this.all = List.copyOf(keys);
    }

    private static Key key(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the secret must be at least 32 bytes");
        }
        byte[] key = KeyDerivation.derive(secret, PURPOSE);
        byte[] id = Arrays.copyOf(KeyDerivation.hmac(key, "key id".getBytes(StandardCharsets.UTF_8)), KEY_ID_BYTES);
        return new Key(id, new SecretKeySpec(key, "AES"));
    }

    public String seal(String plain, String context) {
        return sealBytes(plain.getBytes(StandardCharsets.UTF_8), context, DEFAULT_BLOCK);
    }

    /** Seals text padded to a multiple of {@code block} bytes, so the length of what is stored says little. */
    public String seal(String plain, String context, int block) {
        return sealBytes(plain.getBytes(StandardCharsets.UTF_8), context, block);
    }

    public String sealBytes(byte[] value, String context, int block) {
        if (block < 1) {
            throw new IllegalArgumentException("block must be positive");
        }
        int padded = ((LENGTH_BYTES + value.length + block - 1) / block) * block;
        byte[] plain =
                ByteBuffer.allocate(padded).putInt(value.length).put(value).array();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            ByteBuffer out = ByteBuffer.allocate(KEY_ID_BYTES + NONCE_BYTES + sealed.length);
            out.put(current.id()).put(nonce).put(sealed);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plain text; throws {@link Unreadable} when it was sealed for another context or under an unknown key. */
    public String open(String sealed, String context) {
        return new String(openBytes(sealed, context), StandardCharsets.UTF_8);
    }

    public byte[] openBytes(String sealed, String context) {
        if (!isSealed(sealed)) {
            throw new Unreadable("not a sealed value");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("not a sealed value");
        }
        if (raw.length < KEY_ID_BYTES + NONCE_BYTES + TAG_BITS / 8) {
            throw new Unreadable("too short to be sealed");
        }
        byte[] id = Arrays.copyOfRange(raw, 0, KEY_ID_BYTES);
        Optional<Key> key = all.stream().filter(k -> Arrays.equals(k.id(), id)).findFirst();
        if (key.isEmpty()) {
            throw new Unreadable("sealed under a key this service does not have");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key.get().spec(),
                    new GCMParameterSpec(TAG_BITS, raw, KEY_ID_BYTES, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(raw, KEY_ID_BYTES + NONCE_BYTES, raw.length - KEY_ID_BYTES - NONCE_BYTES);
            ByteBuffer in = ByteBuffer.wrap(plain);
            int length = in.getInt();
            if (length < 0 || length > plain.length - LENGTH_BYTES) {
                throw new Unreadable("malformed sealed value");
            }
            return Arrays.copyOfRange(plain, LENGTH_BYTES, LENGTH_BYTES + length);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new Unreadable("sealed for another place, or altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** A sealed value that cannot be opened here. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }
}
