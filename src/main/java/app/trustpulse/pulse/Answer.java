package app.trustpulse.pulse;

import java.util.Optional;

/**
 * One score on one dimension in one week, stored under a keyed pseudonym, never under the platform user id.
 * The latest answer of a pseudonym for a dimension in a week is the one that counts.
 */
public record Answer(
        long teamId,
        WeekId week,
        Dimension dimension,
        String pseudonym,
        Role respondent,
        int score,
        Optional<String> comment) {

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    public Answer {
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new IllegalArgumentException("score must be 1..5: " + score);
        }
    }

    public static boolean isValidScore(int score) {
        return score >= MIN_SCORE && score <= MAX_SCORE;
    }
}
