package app.trustpulse.config;

import app.trustpulse.privacy.RetentionPolicy;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long data is kept (prefix "pulse.retention", e.g. env PULSE_RETENTION_ANSWERS=3y).
 *
 * @param answers     leaders' self-checks, released comments, feedback and nudge records; published weekly
 *                    aggregates are kept (members' answers go when their week closes)
 * @param checkIns    check-ins: who was asked what and whether they answered
 * @param operational handled-event keys, delivery records and OAuth states
 */
@ConfigurationProperties("pulse.retention")
public record RetentionProperties(
        @DefaultValue("2y") Period answers,
        @DefaultValue("26w") Period checkIns,
        @DefaultValue("30d") Duration operational) {

    RetentionPolicy policy() {
        return new RetentionPolicy(answers, checkIns, operational);
    }
}
