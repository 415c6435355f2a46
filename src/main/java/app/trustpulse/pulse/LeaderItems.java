package app.trustpulse.pulse;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The member statements that are about the leader ("my leader …"). From questionnaire version 4 they name the team's
 * rated leader ({@link RatedLeaders}); a team without a leader to name is asked their version-3 wording. TRUST items
 * 4-6 are trust in the leader (ability, benevolence, integrity), reported apart from felt trust (items 1-3).
 */
public final class LeaderItems {

    /** The first questionnaire version whose leader statements name the rated leader. */
    public static final int NAMED_VERSION = 4;

    /** The last version that says "my leader"; asked when there is no leader to name. */
    public static final int UNNAMED_VERSION = 3;

    /** TRUST items from this one on are trust in the leader. */
    public static final int FIRST_TRUST_IN_LEADER_ITEM = 4;

    private static final Map<Dimension, Set<Integer>> ABOUT_THE_LEADER = new EnumMap<>(Map.of(
            Dimension.VISION, Set.of(),
            Dimension.TRUST, Set.of(1, 2, 3, 4, 5, 6),
            Dimension.RESPONSIBILITY, Set.of(2, 3),
            Dimension.FREEDOM, Set.of(),
            Dimension.CONNECTION, Set.of(1, 2, 3),
            Dimension.SAFETY, Set.of(2)));

    private LeaderItems() {}

    /** Whether a member statement is about the leader, in any version from 2 on. */
    public static boolean aboutTheLeader(Dimension dimension, int item) {
        return ABOUT_THE_LEADER.get(dimension).contains(item);
    }

    /** Whether this statement's wording carries the rated leader's name. */
    public static boolean namesTheLeader(StatementRef statement) {
        return statement.audience() == Role.MEMBER
                && statement.version() >= NAMED_VERSION
                && aboutTheLeader(statement.dimension(), statement.item());
    }

    /**
     * Whether a dimension's team mean is (partly) about the rated leader: a leader's self-check on it is set beside
     * the team's view for the rated leader only.
     */
    public static boolean dimensionAboutTheLeader(Dimension dimension) {
        return !ABOUT_THE_LEADER.get(dimension).isEmpty();
    }

    public static boolean trustInLeader(Dimension dimension, int item) {
        return dimension == Dimension.TRUST && item >= FIRST_TRUST_IN_LEADER_ITEM;
    }

    /**
     * The self-check answers a leader may see beside the team's view: on the dimensions about the leader only the
     * rated leader's, and TRUST only when their mirror this week was about felt trust (the weekly TRUST mean).
     *
     * @param trustItem the TRUST mirror the leader was asked this week
     */
    public static Map<Dimension, Integer> comparable(Map<Dimension, Integer> answered, boolean rated, int trustItem) {
        Map<Dimension, Integer> compared = new EnumMap<>(Dimension.class);
        answered.forEach((d, score) -> {
            boolean otherLeaders = !rated && dimensionAboutTheLeader(d);
            boolean trustInThem = d == Dimension.TRUST && trustInLeader(d, trustItem);
            if (!otherLeaders && !trustInThem) {
                compared.put(d, score);
            }
        });
        return compared;
    }

    /** The statement as a team without a leader to name is asked it: the version-3 wording of a leader statement. */
    public static StatementRef forTeamWithoutLeader(StatementRef statement) {
        return namesTheLeader(statement)
                ? new StatementRef(statement.dimension(), statement.audience(), statement.item(), UNNAMED_VERSION)
                : statement;
    }
}
