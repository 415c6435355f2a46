package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import java.util.Optional;

/**
 * An entry of the nudge catalog: a micro-nudge for a leader, a disruption nudge (no dimension;
 * its text names the dimension that dropped through {dimension}), or a team reflection question.
 * The source names the work the why rests on ("X, via Y" when we know X only through Y), or is
 * {@value #PRACTICE_TIP} for a practice tip that rests on no source.
 */
public record Nudge(
        String id, Optional<Dimension> dimension, Audience audience, String text, String why, String source) {

    public enum Audience {
        LEADER,
        TEAM
    }

    public static final String PRACTICE_TIP = "practice";

    public boolean isPracticeTip() {
        return PRACTICE_TIP.equals(source);
    }

    public boolean isDisruption() {
        return dimension.isEmpty();
    }

    public String textFor(String dimensionName) {
        return text.replace("{dimension}", dimensionName);
    }
}
