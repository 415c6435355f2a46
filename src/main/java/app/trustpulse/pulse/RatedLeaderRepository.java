package app.trustpulse.pulse;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who the member statements of a team name (the rated leader), week by week, and what a closed week's members said on
 * the trust-in-the-leader statements, as one sum and two counts. Nothing here names a member.
 */
public interface RatedLeaderRepository {

    /** A leader as the statements name them. */
    record Named(String userId, String displayName) {}

    /** The leader a week's statements name; empty for a week without a leader to name. */
    record PinnedWeek(WeekId week, Optional<Named> leader) {}

    /**
     * A closed week's members' scores on the trust-in-the-leader statements: their sum, how many were averaged, how
     * many count towards the threshold; and the leader that week's statements named. {@code distinctGivers} says the
     * week pooled only givers not yet pooled in its block (see {@link #poolGivers}).
     */
    record TrustInLeaderWeek(
            WeekId week, Optional<Named> leader, int sum, int scores, int counted, boolean distinctGivers) {
        public TrustInLeaderWeek {
            if (scores < 0 || counted < 0 || counted > scores) {
                throw new IllegalArgumentException("counts must satisfy 0 <= counted <= scores");
            }
        }
    }

    /** The leader an admin chose to be rated, if any. */
    Optional<String> choice(long teamId);

    void choose(long teamId, String userId);

    Optional<PinnedWeek> pinned(long teamId, WeekId week);

    /** Pins the week to a leader (or to none) unless it is pinned already; returns what the week is pinned to. */
    PinnedWeek pin(long teamId, WeekId week, Optional<Named> leader);

    /** Erases a leader who asked to be forgotten: no choice of them, and the weeks that named them keep no name. */
    void forget(long teamId, String userId);

    /**
     * Stores a closed week's aggregate once (a close run again keeps the first), with its givers kept apart: the
     * one-way tokens of the people it pooled join its block's, so no one is pooled twice in a block.
     */
    void saveTrustInLeader(long teamId, WeekId week, int sum, int scores, int counted, Collection<String> givers);

    /** The one-way giver tokens of the people already pooled in the block that starts with {@code blockStart}. */
    Set<String> poolGivers(long teamId, WeekId blockStart);

    /** Erases the giver tokens of the blocks that start before {@code blockStart}; returns how many. */
    int forgetPoolGiversBefore(long teamId, WeekId blockStart);

    /** The stored weeks from {@code from} to {@code to}, both included, oldest first, with the leader each named. */
    List<TrustInLeaderWeek> trustInLeader(long teamId, WeekId from, WeekId to);
}
