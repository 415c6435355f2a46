package app.trustpulse.pulse;

import java.time.Instant;

/** Short named leases shared by all instances, e.g. one send-now per team at a time. */
public interface Leases {

    /** Takes the lease until the given moment; false while someone else holds it (and it has not run out). */
    boolean acquire(String name, String holder, Instant now, Instant until);

    void release(String name, String holder);
}
