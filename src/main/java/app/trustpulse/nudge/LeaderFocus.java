package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import java.util.Optional;

/** The focus dimension a leader chose for their team (with their promise), if they chose one. */
@FunctionalInterface
public interface LeaderFocus {

    Optional<Dimension> of(long teamId, String leaderId);

    /** No leader has chosen a focus: the dimension that fell most is the focus. */
    static LeaderFocus none() {
        return (teamId, leaderId) -> Optional.empty();
    }
}
