package app.trustpulse.promise;

import java.util.Arrays;
import java.util.Optional;

/** A member's answer to "did you notice the leader doing this?". "Can't say" is an answer, never a yes or a no. */
public enum Noticed {
    YES("yes"),
    PARTLY("partly"),
    NO("no"),
    CANT_SAY("?");

    private final String code;

    Noticed(String code) {
        this.code = code;
    }

    /** The stable code an answer's action carries and its sealed value holds. */
    public String code() {
        return code;
    }

    public static Optional<Noticed> ofCode(String code) {
        return Arrays.stream(values()).filter(n -> n.code.equals(code)).findFirst();
    }

    /** Yes, partly or no: the answers that say something about the promise and count towards the threshold. */
    public boolean says() {
        return this != CANT_SAY;
    }
}
