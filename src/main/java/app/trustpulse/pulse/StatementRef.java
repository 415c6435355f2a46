package app.trustpulse.pulse;

/**
 * Which statement a check-in asks: its dimension, who it is worded for (a member, or a leader's self-check),
 * its item number within the dimension (1-based) and the questionnaire version it belongs to.
 * A leader's item n is the mirror of the members' item n of the same version.
 */
public record StatementRef(Dimension dimension, Role audience, int item, int version) {

    public StatementRef {
        if (item < 1) {
            throw new IllegalArgumentException("item numbers start at 1: " + item);
        }
        if (version < Instrument.LEGACY_VERSION || version > Instrument.CURRENT_VERSION) {
            throw new IllegalArgumentException("unknown questionnaire version " + version);
        }
        if (version == Instrument.LEGACY_VERSION && audience == Role.LEADER && item != 1) {
            throw new IllegalArgumentException("version 1 has one leader statement per dimension");
        }
    }

    /** A statement of the current questionnaire. */
    public static StatementRef current(Dimension dimension, Role audience, int item) {
        return new StatementRef(dimension, audience, item, Instrument.CURRENT_VERSION);
    }

    public String messageKey() {
        String who = audience == Role.LEADER ? "leader" : "member";
        if (version == Instrument.LEGACY_VERSION) {
            return "statement.v1." + dimension.name() + (audience == Role.LEADER ? ".leader" : ".member." + item);
        }
        String prefix = switch (version) {
            case Instrument.SECOND_VERSION -> "statement.v2.";
            case Instrument.THIRD_VERSION -> "statement.v3.";
            default -> "statement.";
        };
        return prefix + dimension.name() + "." + who + "." + item;
    }

    /** The id the method document uses, e.g. "TRUST.M4.v4" or "SAFETY.L1.v4". */
    public String itemId() {
        return dimension.name() + "." + (audience == Role.LEADER ? "L" : "M") + item + ".v" + version;
    }

    /**
     * Stored as e.g. "FREEDOM:M2:3" or "SAFETY:L1:3". Version 1 was stored as "FREEDOM:2" (member item 2)
     * and "SAFETY:0" (the leader statement); those still decode.
     */
    public String encode() {
        if (version == Instrument.LEGACY_VERSION) {
            return dimension.name() + ":" + (audience == Role.LEADER ? 0 : item);
        }
        return dimension.name() + ":" + (audience == Role.LEADER ? "L" : "M") + item + ":" + version;
    }

    public static StatementRef decode(String text) {
        String[] parts = text.split(":");
        Dimension dimension = Dimension.valueOf(parts[0]);
        if (parts.length == 2) {
            int variant = Integer.parseInt(parts[1]);
            return variant == 0
                    ? new StatementRef(dimension, Role.LEADER, 1, Instrument.LEGACY_VERSION)
                    : new StatementRef(dimension, Role.MEMBER, variant, Instrument.LEGACY_VERSION);
        }
        if (parts.length != 3 || parts[1].length() < 2) {
            throw new IllegalArgumentException("not a statement: " + text);
        }
        Role audience = switch (parts[1].charAt(0)) {
            case 'L' -> Role.LEADER;
            case 'M' -> Role.MEMBER;
            default -> throw new IllegalArgumentException("not a statement: " + text);
        };
        return new StatementRef(
                dimension, audience, Integer.parseInt(parts[1].substring(1)), Integer.parseInt(parts[2]));
    }
}
