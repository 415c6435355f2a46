package app.trustpulse.pulse;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One answer on one dimension in one week, stored under a keyed pseudonym, never under the platform user id.
 * The latest answer of a pseudonym for a dimension in a week is the one that counts. An empty score is
 * "can't say": the person answered, but it is never averaged and never counts towards a dimension's answers.
 */
public record Answer(
        long teamId,
        WeekId week,
        Dimension dimension,
        String pseudonym,
        Role respondent,
        OptionalInt score,
        Optional<String> comment) {

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    public Answer {
        if (score.isPresent() && !isValidScore(score.getAsInt())) {
            throw new IllegalArgumentException("score must be 1..5: " + score.getAsInt());
        }
    }

    /** A scored answer. */
    public Answer(long teamId, WeekId week, Dimension dimension, String pseudonym, Role respondent, int score,
                  Optional<String> comment) {
        this(teamId, week, dimension, pseudonym, respondent, OptionalInt.of(score), comment);
    }

    public boolean cantSay() {
        return score.isEmpty();
    }

    public static boolean isValidScore(int score) {
        return score >= MIN_SCORE && score <= MAX_SCORE;
    }
}
