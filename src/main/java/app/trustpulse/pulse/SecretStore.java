package app.trustpulse.pulse;

import java.util.function.Supplier;

/** Server-side secrets that must survive restarts and be the same on every instance. */
public interface SecretStore {

    /** The stored secret of that name, or the generated one, stored first by whichever instance came first. */
    byte[] getOrCreate(String name, Supplier<byte[]> generator);

    /** Deletes the secret of that name; true when there was one. */
    boolean remove(String name);
}
