package app.trustpulse.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateShareTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.25, 0.5, 1})
    void aShareAboveZeroUpToOneIsTaken(double share) {
        assertThat(RateShare.checked("teams.rate-share", share)).isEqualTo(share);
    }

    @ParameterizedTest
    @ValueSource(
            doubles = {0, -0.5, 1.0000001, 1.5, 50, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aShareOutsideZeroToOneIsRefusedNamingTheSettingItsVariableAndTheRightForm(double share) {
        assertThatThrownBy(() -> RateShare.checked("slack.rate-share", share))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("slack.rate-share (SLACK_RATE_SHARE) must be above 0 and at most 1")
                .hasMessageContaining("1/N with N instances")
                .hasMessageEndingWith("it is " + share);
    }
}
