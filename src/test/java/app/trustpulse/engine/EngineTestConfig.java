package app.trustpulse.engine;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The only PLAYGROUND gateway of the test context: the recording one. */
@TestConfiguration(proxyBeanMethods = false)
public class EngineTestConfig {

    @Bean
    RecordingGateway recordingGateway() {
        return new RecordingGateway();
    }
}
