package app.trustpulse.pulse;

/**
 * Which statement of a dimension is asked: for members a variant number (1-based),
 * for leaders variant 0, the self-check statement.
 */
public record StatementRef(Dimension dimension, int variant) {

    public static final int SELF_CHECK = 0;

    public String messageKey() {
        return variant == SELF_CHECK
                ? "statement." + dimension.name() + ".leader"
                : "statement." + dimension.name() + ".member." + variant;
    }

    /** Stored as e.g. "FREEDOM:2". */
    public String encode() {
        return dimension.name() + ":" + variant;
    }

    public static StatementRef decode(String text) {
        int colon = text.indexOf(':');
        return new StatementRef(Dimension.valueOf(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
    }
}
