package app.trustpulse.summary;

import app.trustpulse.chat.Block;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.Optional;

/**
 * A chart of a week's pulse to show beside its text, when the service can publish one. The same week of the
 * same team always gets the same image, however many messages carry it.
 */
public interface PulseCharts {

    Optional<Block.Image> chartOf(Team team, WeeklyPulse pulse);

    /** Text only. */
    static PulseCharts none() {
        return (team, pulse) -> Optional.empty();
    }
}
