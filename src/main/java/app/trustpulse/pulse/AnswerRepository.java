package app.trustpulse.pulse;

import java.util.List;

/** Storage of answers, keyed by pseudonym. (team, week, dimension, pseudonym) is unique: the latest answer counts. */
public interface AnswerRepository {

    /** Records the answer, replacing the pseudonym's earlier answer on that dimension in that week. */
    void upsert(Answer answer);

    List<Answer> ofWeek(long teamId, WeekId week);

    List<Answer> ofPseudonym(long teamId, String pseudonym);

    int deleteOfPseudonym(long teamId, String pseudonym);
}
