package app.trustpulse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PlatformCallsUntimedTest {

    private final ObservationPredicate predicate = new MetricsConfiguration().platformCallsUntimed();

    private boolean timed(String path) {
        return predicate.test(
                "http.server.requests",
                new ServerRequestObservationContext(
                        new MockHttpServletRequest("POST", path), new MockHttpServletResponse()));
    }

    @Test
    void thePlatformsCallsAreNotTimed() {
        assertThat(timed("/slack/events")).isFalse();
        assertThat(timed("/api/messages")).isFalse();
    }

    @Test
    void everyOtherRequestIsTimed() {
        assertThat(timed("/dashboard")).isTrue();
        assertThat(timed("/slack/install")).isTrue();
        assertThat(timed("/actuator/health")).isTrue();
    }
}
