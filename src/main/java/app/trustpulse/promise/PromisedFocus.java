package app.trustpulse.promise;

import app.trustpulse.nudge.LeaderFocus;
import app.trustpulse.pulse.Dimension;
import java.util.Optional;

/** The focus of the leader's promise in the team, while it lasts: what the randomised nudges aim at. */
final class PromisedFocus implements LeaderFocus {

    private final PromiseRepository promises;

    PromisedFocus(PromiseRepository promises) {
        this.promises = promises;
    }

    @Override
    public Optional<Dimension> of(long teamId, String leaderId) {
        return promises.active(teamId).stream()
                .filter(p -> p.leaderId().equals(leaderId))
                .map(Promise::focus)
                .findFirst();
    }
}
