package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Did it work? For each dimension, the change in the team's published score over the two weeks after a week
 * in which the leader tried a nudge on it, against the same two-week change after weeks without one.
 * Each figure carries the number of weeks behind it; fewer than {@link #MEANINGFUL_WEEKS} on either side is
 * too few to mean anything, and the review says so.
 */
public final class NudgeReview {

    public static final int MEANINGFUL_WEEKS = 3;
    static final int WEEKS_AFTER = 2;

    public record Effect(Dimension dimension, OptionalDouble afterTried, int triedWeeks, OptionalDouble otherwise, int otherWeeks) {
        public boolean tooFew() {
            return triedWeeks < MEANINGFUL_WEEKS || otherWeeks < MEANINGFUL_WEEKS;
        }
    }

    public record Review(int sent, int tried, List<Effect> effects) {
        public Review {
            effects = List.copyOf(effects);
        }
    }

    /**
     * @param nudges  every nudge the leader got (with reactions)
     * @param history published means by week and dimension
     * @param since   the first week of the period whose nudges are counted as sent and tried
     * @param current the week being closed; two-week changes need both ends published
     */
    public Review review(List<SentNudge> nudges, Map<WeekId, Map<Dimension, Double>> history, WeekId since, WeekId current) {
        int sent = 0;
        int tried = 0;
        for (SentNudge n : nudges) {
            if (n.week().compareTo(since) >= 0 && n.week().compareTo(current) <= 0) {
                sent++;
                if (isTried(n)) {
                    tried++;
                }
            }
        }
        List<Effect> effects = new ArrayList<>();
        for (Dimension d : Dimension.inModelOrder()) {
            double triedSum = 0;
            int triedWeeks = 0;
            double otherSum = 0;
            int otherWeeks = 0;
            for (WeekId w : history.keySet()) {
                WeekId after = w.plus(WEEKS_AFTER);
                Double start = history.get(w).get(d);
                Double end = history.getOrDefault(after, Map.of()).get(d);
                if (start == null || end == null || after.compareTo(current) > 0) {
                    continue;
                }
                boolean triedThatWeek = nudges.stream().anyMatch(n -> isTried(n) && n.week().equals(w) && n.dimension().equals(java.util.Optional.of(d)));
                if (triedThatWeek) {
                    triedSum += end - start;
                    triedWeeks++;
                } else {
                    otherSum += end - start;
                    otherWeeks++;
                }
            }
            effects.add(new Effect(d,
                    triedWeeks == 0 ? OptionalDouble.empty() : OptionalDouble.of(triedSum / triedWeeks), triedWeeks,
                    otherWeeks == 0 ? OptionalDouble.empty() : OptionalDouble.of(otherSum / otherWeeks), otherWeeks));
        }
        return new Review(sent, tried, effects);
    }

    private static boolean isTried(SentNudge n) {
        return n.reaction().equals(java.util.Optional.of(SentNudge.Reaction.TRIED));
    }
}
