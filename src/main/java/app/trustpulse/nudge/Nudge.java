package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import java.util.List;
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

    /**
     * What a nudge's why rests on: research (a study or a researcher's account of studies, also second-hand), only
     * practitioners' texts (books and guides from practice), or nothing but experience.
     */
    public enum Evidence {
        RESEARCH,
        PRACTITIONER,
        PRACTICE_TIP
    }

    /** The works among the sources that are research; every other source is a practitioner's text. */
    static final List<String> RESEARCH_WORKS = List.of(
            "Edmondson (1999)",
            "Mayer, Davis & Schoorman (1995)",
            "Six (2004)",
            "Six (slides)",
            "Ryan & Deci (2017)",
            "Weibel & Six (2013)",
            "Weibel (2007)");

    public boolean isPracticeTip() {
        return PRACTICE_TIP.equals(source);
    }

    public Evidence evidence() {
        if (isPracticeTip()) {
            return Evidence.PRACTICE_TIP;
        }
        for (String cited : source.split(";")) {
            String work = cited.strip();
            if (RESEARCH_WORKS.stream().anyMatch(work::startsWith)) {
                return Evidence.RESEARCH;
            }
        }
        return Evidence.PRACTITIONER;
    }

    public boolean isDisruption() {
        return dimension.isEmpty();
    }

    public String textFor(String dimensionName) {
        return text.replace("{dimension}", dimensionName);
    }
}
