package app.trustpulse.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one rule every surface asks: shown only from the threshold of different people up, never below three. */
class AnonymityPolicyTest {

    @Test
    void somethingIsShownFromTheThresholdOfDifferentPeopleUp() {
        assertThat(AnonymityPolicy.mayShow(2, 3)).isFalse();
        assertThat(AnonymityPolicy.mayShow(3, 3)).isTrue();
        assertThat(AnonymityPolicy.mayShow(4, 5)).isFalse();
        assertThat(AnonymityPolicy.mayShow(50, 50)).isTrue();
    }

    @Test
    void noThresholdBelowThreeIsEverUsed() {
        assertThatThrownBy(() -> AnonymityPolicy.mayShow(10, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Team(
                        1,
                        Platform.PLAYGROUND,
                        "w",
                        "c",
                        "t",
                        java.time.ZoneId.of("UTC"),
                        Language.EN,
                        2,
                        TeamSchedule.defaults(),
                        false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aThresholdCanBeSetFromThreeToFifty() {
        assertThat(AnonymityPolicy.checkSetting(2)).contains(AnonymityPolicy.ThresholdProblem.TOO_LOW);
        assertThat(AnonymityPolicy.checkSetting(3)).isEmpty();
        assertThat(AnonymityPolicy.checkSetting(50)).isEmpty();
        assertThat(AnonymityPolicy.checkSetting(51)).contains(AnonymityPolicy.ThresholdProblem.TOO_HIGH);
    }
}
