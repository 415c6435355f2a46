package app.trustpulse.work;

import java.time.Duration;

/**
 * Thrown by a {@link WorkHandler} whose work cannot be done now through no fault of its own (the platform it talks
 * to is known to be unreachable): the work is run again after {@link #retryIn()} without using up one of its tries,
 * so an outage longer than the retries last does not park it.
 */
public final class WorkDeferred extends RuntimeException {

    private final Duration retryIn;

    public WorkDeferred(String why, Duration retryIn) {
        super(why, null, false, false);
        this.retryIn = retryIn.isNegative() ? Duration.ZERO : retryIn;
    }

    public Duration retryIn() {
        return retryIn;
    }
}
