package app.trustpulse.playground;

import org.springframework.http.HttpStatus;

/**
 * A playground request that cannot be carried out; nothing was changed. The key names the explanation in
 * the playground bundle, with its arguments.
 */
class PlaygroundRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String key;
    private final transient Object[] args;

    PlaygroundRequestException(String key, Object... args) {
        this(HttpStatus.BAD_REQUEST, key, args);
    }

    PlaygroundRequestException(HttpStatus status, String key, Object... args) {
        super(key);
        this.status = status;
        this.key = key;
        this.args = args.clone();
    }

    HttpStatus status() {
        return status;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.clone();
    }
}
