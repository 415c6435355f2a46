package app.trustpulse.pulse;

import java.time.Instant;

/** Short named leases shared by all instances, e.g. one send-now per team at a time. */
public interface Leases {

    /** How a lease was taken: fresh, renewed by its holder, taken over from a holder whose lease ran out, or not. */
    enum Acquired {
        NEW,
        RENEWED,
        TAKEN_OVER,
        BUSY
    }

    /** Takes or renews the lease until the given moment; BUSY while someone else holds it and it has not run out. */
    Acquired acquire(String name, String holder, Instant now, Instant until);

    void release(String name, String holder);
}
