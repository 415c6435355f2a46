package app.trustpulse.promise;

import app.trustpulse.pulse.AnonymityPolicy;
import app.trustpulse.pulse.WeekId;
import java.util.Collection;
import java.util.Optional;

/**
 * What the team answered about one promise in one week, as counts only. When fewer people than the team's threshold
 * said yes, partly or no, nothing but that fact is kept: {@code counts} is empty, and no number leaves the store.
 */
public record Tally(long promiseId, WeekId week, Optional<Counts> counts) {

    /** Yes, partly, no and can't say; {@link #people()} are those who said yes, partly or no. */
    public record Counts(int yes, int partly, int no, int cantSay) {
        public int people() {
            return yes + partly + no;
        }

        /** Noticed when more people saw it (fully or partly) than did not. */
        public boolean noticed() {
            return yes + partly > no;
        }
    }

    public boolean withheld() {
        return counts.isEmpty();
    }

    /**
     * The week's answers about one promise as the store may keep them: counts when at least the team's threshold of
     * different people who count towards it said yes, partly or no (see {@link AnonymityPolicy}); otherwise withheld.
     */
    public static Tally of(long promiseId, WeekId week, Collection<NoticedAnswer> answers, int threshold) {
        int yes = 0, partly = 0, no = 0, cantSay = 0, counting = 0;
        for (NoticedAnswer a : answers) {
            if (a.promiseId() != promiseId || !a.week().equals(week)) {
                throw new IllegalArgumentException("an answer of another promise or week");
            }
            switch (a.answer()) {
                case YES -> yes++;
                case PARTLY -> partly++;
                case NO -> no++;
                case CANT_SAY -> cantSay++;
            }
            if (a.answer().says() && a.counts()) {
                counting++;
            }
        }
        if (!AnonymityPolicy.mayShow(counting, threshold)) {
            return new Tally(promiseId, week, Optional.empty());
        }
        return new Tally(promiseId, week, Optional.of(new Counts(yes, partly, no, cantSay)));
    }
}
