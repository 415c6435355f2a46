package app.trustpulse.pulse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One person's own answers of one week in one team, found by their week pseudonym (and those from before a key
 * rotation): for showing them what they answered, replacing an answer, and forgetting them. Nothing else can find a
 * person's answers, as nothing stored names the person. Only the pulse module makes one ({@link PulseModule}), under
 * its pseudonyms.
 */
public final class PersonalAnswers {

    private final AnswerRepository answers;
    private final Pseudonymizer pseudonyms;

    PersonalAnswers(AnswerRepository answers, Pseudonymizer pseudonyms) {
        this.answers = answers;
        this.pseudonyms = pseudonyms;
    }

    /** The person's pseudonym for new answers in that week. */
    public String pseudonym(Team team, String userId, WeekId week) {
        return pseudonyms.pseudonym(team.id(), team.platform(), userId, week);
    }

    public List<Answer> of(Team team, String userId, WeekId week) {
        return answers.ofPseudonyms(team.id(), week, all(team, userId, week));
    }

    /**
     * A leader's self-check of that week: per dimension the score they gave as leader, to set beside the team's (see
     * {@link #inSelfCheck(Answer)}).
     */
    public Map<Dimension, Integer> selfCheck(Team team, String leaderId, WeekId week) {
        Map<Dimension, Integer> self = new EnumMap<>(Dimension.class);
        of(team, leaderId, week).stream()
                .filter(PersonalAnswers::inSelfCheck)
                .forEach(a -> self.put(a.dimension(), a.score().getAsInt()));
        return self;
    }

    /** Whether an answer is part of a self-check: given as leader, with a score ("can't say" has none to compare). */
    public static boolean inSelfCheck(Answer answer) {
        return answer.respondent() == Role.LEADER && !answer.cantSay();
    }

    public Optional<Answer> of(Team team, String userId, WeekId week, Dimension dimension) {
        return of(team, userId, week).stream()
                .filter(a -> a.dimension() == dimension)
                .findFirst();
    }

    /**
     * Records the person's answer, replacing their earlier one on that dimension, also one given under the key
     * before a rotation.
     */
    public void record(Team team, String userId, Answer answer) {
        List<String> former = pseudonyms.formerPseudonyms(team.id(), team.platform(), userId, answer.week());
        if (!former.isEmpty()) {
            // Answers under the retired key move to the current one, so each dimension keeps one answer.
            List<Answer> earlier = answers.ofPseudonyms(team.id(), answer.week(), former);
            for (Answer a : earlier) {
                answers.upsert(new Answer(
                        a.teamId(),
                        a.week(),
                        a.dimension(),
                        answer.pseudonym(),
                        a.respondent(),
                        a.score(),
                        a.comment(),
                        a.counts()));
            }
            answers.deleteOfPseudonyms(team.id(), answer.week(), former);
        }
        answers.upsert(answer);
    }

    /** Everything the person answered in the team that is still kept, by week. */
    public List<Answer> ofAnyWeek(Team team, String userId) {
        List<Answer> all = new ArrayList<>();
        for (WeekId week : answers.weeks(team.id())) {
            all.addAll(of(team, userId, week));
        }
        return all;
    }

    /** Erases all the person's answers in the team; returns how many. */
    public int forget(Team team, String userId) {
        int erased = 0;
        for (WeekId week : answers.weeks(team.id())) {
            erased += forget(team, userId, week);
        }
        return erased;
    }

    /** Erases the person's answers of that week; returns how many. */
    public int forget(Team team, String userId, WeekId week) {
        return answers.deleteOfPseudonyms(team.id(), week, all(team, userId, week));
    }

    private List<String> all(Team team, String userId, WeekId week) {
        List<String> all = new ArrayList<>();
        all.add(pseudonyms.pseudonym(team.id(), team.platform(), userId, week));
        all.addAll(pseudonyms.formerPseudonyms(team.id(), team.platform(), userId, week));
        return all;
    }
}
