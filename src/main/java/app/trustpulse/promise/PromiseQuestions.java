package app.trustpulse.promise;

import app.trustpulse.chat.Block;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.Team;
import java.util.List;

/** What a promise adds to a member's check-in: the loop line and the optional "did you notice?" questions. */
public interface PromiseQuestions {

    /** @param open false once the week is closed: then nothing is asked */
    List<Block> forCheckIn(Team team, CheckIn checkIn, boolean open);

    /** For a check-in without promises (and tests of the check-in alone). */
    static PromiseQuestions none() {
        return (team, checkIn, open) -> List.of();
    }
}
