package app.trustpulse.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void normalQuantilesMatchTheTables() {
        assertThat(Quantiles.normalUpper(0.025)).isCloseTo(1.959964, within(1e-5));
        assertThat(Quantiles.normalUpper(0.01)).isCloseTo(2.326348, within(1e-5));
        assertThat(Quantiles.normalUpper(0.001)).isCloseTo(3.090232, within(1e-5));
        assertThat(Quantiles.normalUpper(0.5)).isCloseTo(0, within(1e-9));
        assertThat(Quantiles.normalUpper(0.975)).isCloseTo(-1.959964, within(1e-5));
    }

    @Test
    void studentQuantilesMatchTheTablesFromThreeDegreesOfFreedom() {
        double z = Quantiles.normalUpper(0.025);
        assertThat(Quantiles.studentUpper(z, 3)).isCloseTo(3.182, within(3.182 * 0.03));
        assertThat(Quantiles.studentUpper(z, 10)).isCloseTo(2.228, within(0.005));
        assertThat(Quantiles.studentUpper(z, 30)).isCloseTo(2.042, within(0.002));
        assertThat(Quantiles.studentUpper(Quantiles.normalUpper(0.005), 20)).isCloseTo(2.845, within(0.01));
    }

    @Test
    void rejectsImpossibleArguments() {
        assertThatThrownBy(() -> Quantiles.normalUpper(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quantiles.normalUpper(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quantiles.studentUpper(2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
