package app.trustpulse.insight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParticipationBandTest {

    @Test
    void theFirstAnswersOfAWeekDoNotShow() {
        assertThat(ParticipationBand.of(0, 8)).isEqualTo(ParticipationBand.UNDER_QUARTER);
        assertThat(ParticipationBand.of(1, 8)).isEqualTo(ParticipationBand.UNDER_QUARTER);
    }

    @Test
    void theBandMovesOnlyAtQuarters() {
        assertThat(ParticipationBand.of(2, 8)).isEqualTo(ParticipationBand.QUARTER_TO_HALF);
        assertThat(ParticipationBand.of(3, 8)).isEqualTo(ParticipationBand.QUARTER_TO_HALF);
        assertThat(ParticipationBand.of(4, 8)).isEqualTo(ParticipationBand.HALF_TO_THREE_QUARTERS);
        assertThat(ParticipationBand.of(6, 8)).isEqualTo(ParticipationBand.THREE_QUARTERS_OR_MORE);
        assertThat(ParticipationBand.of(8, 8)).isEqualTo(ParticipationBand.THREE_QUARTERS_OR_MORE);
    }

    @Test
    void aWeekWithoutCheckInsSaysSo() {
        assertThat(ParticipationBand.of(0, 0)).isEqualTo(ParticipationBand.NOT_ASKED_YET);
    }
}
