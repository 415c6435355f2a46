package app.trustpulse.pulse;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Which instance this is, and when another one counts as dead. Every claim (a check-in, a reminder, a welcome, a week
 * step, a send-now lease) names the instance that took it, and lives exactly as long as that instance keeps beating:
 * the same clock on which the durable work of a dead instance is taken back, so what it had in flight goes out with
 * its work, not a claim timeout later.
 */
public interface Liveness {

    /** This instance's name, unique per start. */
    String instance();

    /** How long an instance may go without a heartbeat before it counts as dead. */
    Duration deadAfter();

    /** Instances whose last heartbeat is older than this are dead, and so are their claims. */
    Instant deadBefore();

    /**
     * One process on its own database, with no heartbeat (tools, and tests of the storage alone): nobody else's claim
     * is ever found dead this way, so claims end only by the claim timeout.
     */
    static Liveness alone() {
        String name = "alone-" + UUID.randomUUID();
        return new Liveness() {
            @Override
            public String instance() {
                return name;
            }

            @Override
            public Duration deadAfter() {
                return Duration.ofDays(36500);
            }

            @Override
            public Instant deadBefore() {
                return Instant.EPOCH;
            }
        };
    }
}
