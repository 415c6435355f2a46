package app.trustpulse.slack;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Slack in {@code /actuator/health}: UP while its Web API answers (and, over Socket Mode, the socket is open),
 * DEGRADED while the service runs without it. DEGRADED answers HTTP 200 and is in neither the liveness nor the
 * readiness group: Teams, the dashboard and the queue still work, so restarting the pod or taking it out of the
 * Service would only make things worse.
 */
final class SlackHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "running without Slack");

    private final SlackConnection connection;

    SlackHealth(SlackConnection connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        SlackConnection.Status s = connection.status();
        Health.Builder health = switch (s.state()) {
            case CONNECTING -> Health.unknown();
            case CONNECTED -> connection.inboundProblem().isPresent() ? Health.status(DEGRADED) : Health.up();
            case UNREACHABLE, REFUSED -> Health.status(DEGRADED);
        };
        health.withDetail("state", s.state().name().toLowerCase(java.util.Locale.ROOT))
                .withDetail("since", s.since().toString());
        if (s.reason() != null) {
            health.withDetail("reason", s.reason());
        }
        connection.inboundProblem().ifPresent(p -> health.withDetail("inbound", p));
        return health.build();
    }
}
