package app.trustpulse.summary;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.LeaderItems;
import app.trustpulse.pulse.RatedLeaderRepository.Named;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of a leader's self-check answers are set beside the team's view. The member statements about the leader name
 * one rated leader, so on the dimensions whose statements are about the leader (TRUST, RESPONSIBILITY, CONNECTION,
 * SAFETY) the team's view is about that person: only the rated leader's self-check is compared there. The weekly
 * TRUST mean is felt trust only, so a rated leader whose TRUST mirror this week was about trust in them (items 4-6)
 * is not compared on TRUST either.
 *
 * @param compared    the self-check answers set beside the team's view
 * @param notCompared the dimensions answered but not compared because they are about another leader (or no one)
 * @param rated       the leader the week's statements named
 * @param isRated     whether this leader is that one
 */
record SelfCheckScope(
        Map<Dimension, Integer> compared, Set<Dimension> notCompared, Optional<Named> rated, boolean isRated) {

    /** Every answer compared, as for a team with one leader and no rated leader known. */
    static SelfCheckScope all(Map<Dimension, Integer> answered) {
        return new SelfCheckScope(answered, Set.of(), Optional.empty(), true);
    }

    /**
     * For a week whose statements named {@code rated} (empty: no one).
     *
     * @param trustItem the TRUST mirror the leader was asked this week
     */
    static SelfCheckScope of(Map<Dimension, Integer> answered, Optional<Named> rated, String leaderId, int trustItem) {
        return of(answered, rated, rated.map(n -> !n.userId().equals(leaderId)).orElse(true), trustItem);
    }

    /**
     * @param namedSomeoneElse whether the week's statements were about someone else than this leader (a week never
     *                         tied to one leader was not)
     * @param trustItem        the TRUST mirror the leader was asked this week
     */
    static SelfCheckScope of(
            Map<Dimension, Integer> answered, Optional<Named> rated, boolean namedSomeoneElse, int trustItem) {
        boolean isRated = !namedSomeoneElse;
        Map<Dimension, Integer> compared = LeaderItems.comparable(answered, isRated, trustItem);
        Set<Dimension> notCompared = EnumSet.noneOf(Dimension.class);
        if (!isRated) {
            answered.keySet().stream()
                    .filter(LeaderItems::dimensionAboutTheLeader)
                    .forEach(notCompared::add);
        }
        return new SelfCheckScope(Map.copyOf(compared), Set.copyOf(notCompared), rated, isRated);
    }
}
