package app.trustpulse.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/** When the service is ready, the log says where the playground is, with the port the server really got. */
@ExtendWith(OutputCaptureExtension.class)
class PlaygroundAddressTest {

    @Test
    void theLogNamesThePlaygroundUrlOnTheActualPortAndContextPath(CapturedOutput output) {
        ServletWebServerApplicationContext context = mock(ServletWebServerApplicationContext.class);
        WebServer server = mock(WebServer.class);
        when(server.getPort()).thenReturn(18080);
        when(context.getWebServer()).thenReturn(server);
        when(context.getEnvironment())
                .thenReturn(new MockEnvironment().withProperty("server.servlet.context-path", "/pulse/"));

        new PlaygroundAddress()
                .onApplicationEvent(new ApplicationReadyEvent(
                        new SpringApplication(), new String[0], context, Duration.ofSeconds(3)));

        assertThat(output).contains("Playground ready: http://localhost:18080/pulse/playground");
    }
}
