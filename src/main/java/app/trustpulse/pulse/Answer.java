package app.trustpulse.pulse;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One answer on one dimension in one week, under the person's pseudonym for that team and week (never the platform
 * user id), and stored sealed. The latest answer of a pseudonym for a dimension in a week is the one that counts. An
 * empty score is "can't say": the person answered, but it is never averaged and never counts towards a dimension's
 * answers. {@code counts} is false for someone who joined the team during this week (after its first week): their
 * answer is averaged, but does not help a dimension reach the anonymity threshold, so nobody can be cornered by
 * people added to the team this week.
 */
public record Answer(
        long teamId,
        WeekId week,
        Dimension dimension,
        String pseudonym,
        Role respondent,
        OptionalInt score,
        Optional<String> comment,
        boolean counts) {

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;

    public Answer {
        if (score.isPresent() && !isValidScore(score.getAsInt())) {
            throw new IllegalArgumentException("score must be 1..5: " + score.getAsInt());
        }
    }

    /** An answer of someone who was on the team before the week began. */
    public Answer(
            long teamId,
            WeekId week,
            Dimension dimension,
            String pseudonym,
            Role respondent,
            OptionalInt score,
            Optional<String> comment) {
        this(teamId, week, dimension, pseudonym, respondent, score, comment, true);
    }

    /** A scored answer. */
    public Answer(
            long teamId,
            WeekId week,
            Dimension dimension,
            String pseudonym,
            Role respondent,
            int score,
            Optional<String> comment) {
        this(teamId, week, dimension, pseudonym, respondent, OptionalInt.of(score), comment, true);
    }

    public Answer withComment(Optional<String> c) {
        return new Answer(teamId, week, dimension, pseudonym, respondent, score, c, counts);
    }

    public boolean cantSay() {
        return score.isEmpty();
    }

    public static boolean isValidScore(int score) {
        return score >= MIN_SCORE && score <= MAX_SCORE;
    }
}
