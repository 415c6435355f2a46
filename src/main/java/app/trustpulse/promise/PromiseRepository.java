package app.trustpulse.promise;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Storage of promises, the members' sealed answers about them, and the counts those answers become. The promise's
 * words are sealed; an answer is found only by a token derived from its member's week pseudonym and the promise, and
 * everything else of it is sealed; what leaves the store as numbers are {@link Tally tallies}, withheld below the
 * threshold.
 */
public interface PromiseRepository {

    /** Stores a new promise; the given id is ignored and the stored id returned. */
    long add(Promise promise);

    void reword(long id, Dimension focus, String text);

    void end(long id, Instant at);

    Optional<Promise> find(long id);

    /** The team's promises that have not ended, oldest first. */
    List<Promise> active(long teamId);

    /** The team's promises made in or after that week, ended ones too, oldest first. */
    List<Promise> madeSince(long teamId, WeekId from);

    /** Erases a leader's promises in a team (with their answers' counts); returns how many. */
    int deleteOfLeader(long teamId, String leaderId);

    /** Records the answer, replacing the same member's earlier answer about that promise in that week. */
    void answer(NoticedAnswer answer);

    /** The answers about any promise of the team in that week. */
    List<NoticedAnswer> answers(long teamId, WeekId week);

    /** The member's own answer about a promise in a week, found by their week pseudonyms. */
    Optional<Noticed> answerOf(long teamId, WeekId week, long promiseId, Collection<String> pseudonyms);

    /** Erases a member's answers of that week, found by their week pseudonyms; returns how many. */
    int deleteAnswers(long teamId, WeekId week, long promiseId, Collection<String> pseudonyms);

    /** The weeks of the team that still hold answers. */
    List<WeekId> weeksWithAnswers(long teamId);

    /** Destroys the week's answers once they are counted. */
    int destroyAnswers(long teamId, WeekId week);

    /** Keeps a week's count of a promise, once: a second one for the same promise and week is ignored. */
    void keep(Tally tally);

    /** The counts of the team's promises, oldest week first. */
    List<Tally> tallies(long teamId);
}
