package app.trustpulse.promise;

import app.trustpulse.chat.Block;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.WeekId;
import java.util.List;

/** What a promise adds to a member's check-in: the loop line and the optional "did you notice?" questions. */
public interface PromiseQuestions {

    /** @param open false once the week is closed: then nothing is asked */
    List<Block> forCheckIn(Team team, CheckIn checkIn, boolean open);

    /**
     * The questions of one round of the team's week: what is the same for everyone in the round is looked up once,
     * when the round's first check-in asks, and kept for the round's others.
     */
    default PromiseQuestions forRound(Team team, WeekId week) {
        return this;
    }

    /** For a check-in without promises (and tests of the check-in alone). */
    static PromiseQuestions none() {
        return (team, checkIn, open) -> List.of();
    }
}
