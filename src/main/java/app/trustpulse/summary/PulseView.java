package app.trustpulse.summary;

import app.trustpulse.chat.Block;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.List;

/** A closed week's pulse as every surface shows it, for those outside the week close that show it too. */
public interface PulseView {

    /** Scores (or the withheld notice), participation, strongest and weakest. */
    List<Block> body(Team team, WeeklyPulse pulse);
}
