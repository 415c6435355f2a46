package app.trustpulse.pulse;

import java.util.Collection;
import java.util.List;

/**
 * Storage of answers, sealed, each row found by a token derived from its person's week pseudonym and its dimension.
 * (team, week, dimension, pseudonym) is unique: the latest answer counts. Nothing stored ties two rows together.
 */
public interface AnswerRepository {

    /** Records the answer, replacing the pseudonym's earlier answer on that dimension in that week. */
    void upsert(Answer answer);

    List<Answer> ofWeek(long teamId, WeekId week);

    /** The answers given under these week pseudonyms (a person's current one, and any from before a key rotation). */
    List<Answer> ofPseudonyms(long teamId, WeekId week, Collection<String> pseudonyms);

    int deleteOfPseudonyms(long teamId, WeekId week, Collection<String> pseudonyms);

    /**
     * Destroys the members' answers of a closed week once its aggregates are stored; the leaders' self-checks stay,
     * as their own data. Returns how many were destroyed. Safe to run again.
     */
    int destroyMembersAnswers(long teamId, WeekId week);

    /** The weeks of the team that hold any answer (members' of open weeks, leaders' self-checks of any week). */
    List<WeekId> weeks(long teamId);

    /** Keeps the comments a closed week released to its leaders (names removed, in random order), replacing any. */
    void keepReleasedComments(long teamId, WeekId week, List<String> comments);

    List<String> releasedComments(long teamId, WeekId week);
}
