package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamsSettingsTest {

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.5, 1.5, Double.NaN})
    void aRateShareOutsideZeroToOneIsRefusedWithTheSettingsName(double share) {
        assertThatThrownBy(() -> settings(share, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TEAMS_RATE_SHARE");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.25, 0.5, 1})
    void aRateShareAboveZeroUpToOneIsTaken(double share) {
        assertThat(settings(share, 4).rateShare()).isEqualTo(share);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 33})
    void parallelSendsOutsideOneToThirtyTwoAreRefused(int parallel) {
        assertThatThrownBy(() -> settings(1, parallel))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TEAMS_PARALLEL_SENDS");
    }

    private static TeamsSettings settings(double share, int parallel) {
        return new TeamsSettings(
                false, null, "http://127.0.0.1:9/", 5, Duration.ofSeconds(1), Duration.ofSeconds(30), share, parallel);
    }
}
