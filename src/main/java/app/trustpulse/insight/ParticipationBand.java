package app.trustpulse.insight;

/**
 * Participation of a week that is still open, in quarters: an exact count that moves one answer at a time
 * would tell who just answered, so it is shown only once the week is closed. No answers yet falls in the
 * lowest band, so the first answer does not show either.
 */
public enum ParticipationBand {
    NOT_ASKED_YET, UNDER_QUARTER, QUARTER_TO_HALF, HALF_TO_THREE_QUARTERS, THREE_QUARTERS_OR_MORE;

    public static ParticipationBand of(int answered, int asked) {
        if (asked == 0) {
            return NOT_ASKED_YET;
        }
        double share = (double) answered / asked;
        if (share < 0.25) {
            return UNDER_QUARTER;
        }
        if (share < 0.5) {
            return QUARTER_TO_HALF;
        }
        if (share < 0.75) {
            return HALF_TO_THREE_QUARTERS;
        }
        return THREE_QUARTERS_OR_MORE;
    }
}
