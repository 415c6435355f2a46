package app.trustpulse.config;

import app.trustpulse.doctor.DatabaseCheck;
import app.trustpulse.doctor.Doctor;
import app.trustpulse.doctor.Finding;
import app.trustpulse.doctor.PseudonymKeyCheck;
import app.trustpulse.doctor.PublicAddressCheck;
import app.trustpulse.doctor.SchedulerCheck;
import app.trustpulse.doctor.SlackCheck;
import app.trustpulse.doctor.TeamsCheck;
import app.trustpulse.pulse.Texts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the doctor: each area's check comes from its adapter (Slack, Teams, the dashboard's public address, the
 * database, the scheduler); the key of the personal data is checked here, where it is read.
 */
@Configuration(proxyBeanMethods = false)
public class DoctorConfig {

    @Bean
    PseudonymKeyCheck pseudonymKeyCheck(PulseProperties properties) {
        return () -> properties.pseudonymSecret().filter(s -> !s.isBlank()).isPresent()
                        || properties
                                .pseudonymSecretFile()
                                .filter(f -> !f.toString().isBlank())
                                .isPresent()
                ? Finding.ok("doctor.pseudonymKey.ok")
                : Finding.fix("doctor.pseudonymKey.generated");
    }

    @Bean
    Doctor doctor(
            ObjectProvider<SlackCheck> slack,
            ObjectProvider<TeamsCheck> teams,
            ObjectProvider<PublicAddressCheck> publicAddress,
            ObjectProvider<DatabaseCheck> database,
            PseudonymKeyCheck pseudonymKey,
            ObjectProvider<SchedulerCheck> scheduler,
            Texts texts) {
        Finding missing = Finding.fix("doctor.failed", "not part of this service");
        return new Doctor(
                slack.getIfAvailable(() -> SlackCheck.OFF),
                teams.getIfAvailable(() -> TeamsCheck.OFF),
                publicAddress.getIfAvailable(() -> () -> missing),
                database.getIfAvailable(() -> () -> missing),
                pseudonymKey,
                scheduler.getIfAvailable(() -> () -> missing),
                texts);
    }
}
