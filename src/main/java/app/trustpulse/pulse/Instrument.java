package app.trustpulse.pulse;

import java.util.EnumMap;
import java.util.Map;

/**
 * The set of statements a version of the questionnaire asks. Items are versioned, never reworded in place:
 * a statement stored with a check-in keeps its version, so what a person answered can always be shown again.
 * Version 1 had three member statements per dimension and one leader statement; version 2 has one leader
 * statement per member statement, its exact mirror, and three more TRUST statements on trust in the leader.
 * Version 3 asks the same items with the two negations worded positively and the Dutch wordings that said
 * something else than the English corrected; its item counts are those of version 2. Version 4 asks the same
 * items, with the member statements about the leader naming the team's rated leader ({@link LeaderItems}).
 */
public final class Instrument {

    public static final int LEGACY_VERSION = 1;
    public static final int CURRENT_VERSION = 4;

    /** The version whose wordings are kept under "statement.v2." now that a later version is current. */
    static final int SECOND_VERSION = 2;

    /** The version whose wordings are kept under "statement.v3."; a team without a leader to name is asked it. */
    static final int THIRD_VERSION = 3;

    /** Member statements per dimension in the current version; a leader has the same number of mirrors. */
    private static final Map<Dimension, Integer> CURRENT_ITEMS = new EnumMap<>(Map.of(
            Dimension.VISION, 3,
            Dimension.TRUST, 6,
            Dimension.RESPONSIBILITY, 3,
            Dimension.FREEDOM, 3,
            Dimension.CONNECTION, 3,
            Dimension.SAFETY, 3));

    private Instrument() {}

    public static int items(Dimension dimension) {
        return CURRENT_ITEMS.get(dimension);
    }
}
