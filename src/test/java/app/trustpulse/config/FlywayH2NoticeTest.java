package app.trustpulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Flyway's warning about H2 2.4 is dropped; its other warnings, on the same logger, are not. */
@ExtendWith(OutputCaptureExtension.class)
class FlywayH2NoticeTest {

    @Test
    void onlyTheH2VersionWarningIsDropped(CapturedOutput output) {
        new FlywayH2Notice().onApplicationEvent(mock(ApplicationEnvironmentPreparedEvent.class));
        Logger flyway = LoggerFactory.getLogger(FlywayH2Notice.LOGGER);

        flyway.warn(
                "Using H2 2.4.240 which is newer than the version Flyway has been verified with. The latest verified"
                        + " version of H2 is 2.3.232.");
        flyway.warn(
                "Flyway upgrade recommended: PostgreSQL 19 is newer than this version of Flyway and support has not been"
                        + " tested.");

        assertThat(output).doesNotContain("Using H2 2.4.240").contains("Flyway upgrade recommended: PostgreSQL 19");
    }
}
