package app.trustpulse.pulse;

/**
 * Puts the stored answers of each team-week written to since the last run back in random order, so that the order
 * of the rows in a copy of the database says nothing about the order in which people answered.
 */
public interface AnswerMixing {

    /** Mixes every team-week that has new answers; returns how many team-weeks were mixed. */
    int mixPending();
}
