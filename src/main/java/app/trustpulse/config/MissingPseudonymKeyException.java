package app.trustpulse.config;

import java.util.List;

/** A real platform is configured but no pseudonym key comes from outside the database. */
final class MissingPseudonymKeyException extends RuntimeException {

    private final List<String> platforms;

    MissingPseudonymKeyException(List<String> platforms) {
        super("no pseudonym key configured while " + String.join(" and ", platforms) + " is on");
        this.platforms = List.copyOf(platforms);
    }

    List<String> platforms() {
        return platforms;
    }
}
