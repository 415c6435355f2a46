package app.trustpulse.pulse;

import java.time.Instant;
import java.util.List;

/** Storage of answers, keyed by pseudonym. (team, week, dimension, pseudonym) is unique: the latest answer counts. */
public interface AnswerRepository {

    void upsert(Answer answer, Instant at);

    List<Answer> ofWeek(long teamId, WeekId week);

    List<Answer> ofPseudonym(long teamId, String pseudonym);

    int deleteOfPseudonym(long teamId, String pseudonym);
}
