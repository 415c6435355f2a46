package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Did it work? A difference in differences over the nudges the leader got.
 *
 * <p>Every (dimension, week) a nudge was chosen for is one episode, anchored at the pulse the nudge was
 * chosen from (the week's own pulse for a digest nudge, last week's for a mid-week one). Its change is the
 * mean published score of the weeks {@link #POST_FROM}..{@link #POST_TO} after the anchor minus that of the
 * {@link #PRE_WEEKS} weeks before it: the anchor week itself is left out on both sides, because it is the
 * week that looked low and made the nudge be chosen; measured from it, any later week would look better
 * (regression to the mean). The effect is the mean change of episodes where the leader tried the nudge minus
 * that of episodes where a nudge was chosen in the same way but not tried, so whatever the choosing does to
 * the scores cancels out. It comes with a 95 % margin and is only given with at least {@link #MIN_EPISODES}
 * episodes on each side.
 */
final class NudgeReview {

    public static final int MIN_EPISODES = 3;
    static final int PRE_WEEKS = 2;
    /** A nudge tried in the week after it was chosen can show two weeks later. */
    static final int POST_FROM = 2;

    static final int POST_TO = 3;
    private static final double Z_95 = Quantiles.normalUpper(0.025);

    /** One dimension and anchor week, the change of its score, and whether a nudge for it was tried. */
    public record Episode(Dimension dimension, WeekId anchor, boolean tried, double change) {}

    /**
     * The difference in differences: effect = triedChange - otherChange, plus or minus margin (95 %).
     */
    public record Estimate(
            double effect,
            double margin,
            int triedEpisodes,
            int otherEpisodes,
            double triedChange,
            double otherChange) {}

    /**
     * The weeks of the period, each counted once: with a nudge the leader tried, with nudges but none tried, or
     * without a nudge. They add up to the period's length.
     */
    public record Weeks(int tried, int untried, int none) {
        public int total() {
            return tried + untried + none;
        }
    }

    /**
     * @param weeks    the period's weeks by what happened in them
     * @param episodes every measurable episode of the leader's history, not only the period's
     */
    public record Review(int sent, int tried, Weeks weeks, List<Episode> episodes, Optional<Estimate> estimate) {
        public Review {
            episodes = List.copyOf(episodes);
        }

        public long triedEpisodes() {
            return episodes.stream().filter(Episode::tried).count();
        }

        public long otherEpisodes() {
            return episodes.size() - triedEpisodes();
        }
    }

    /**
     * @param nudges  every nudge the leader got (with reactions)
     * @param history published means by week and dimension
     * @param since   the first week of the period whose nudges are counted as sent and tried
     * @param current the week being closed; an episode counts once its last week after is closed
     */
    public Review review(
            List<SentNudge> nudges, Map<WeekId, Map<Dimension, Double>> history, WeekId since, WeekId current) {
        int sent = 0;
        int tried = 0;
        Map<WeekId, Boolean> triedInWeek = new LinkedHashMap<>();
        for (SentNudge n : nudges) {
            if (n.week().compareTo(since) >= 0 && n.week().compareTo(current) <= 0) {
                sent++;
                if (isTried(n)) {
                    tried++;
                }
                triedInWeek.merge(n.week(), isTried(n), Boolean::logicalOr);
            }
        }
        int periodWeeks = 0;
        for (WeekId w = since; w.compareTo(current) <= 0; w = w.plus(1)) {
            periodWeeks++;
        }
        int weeksTried = (int) triedInWeek.values().stream().filter(t -> t).count();
        Weeks weeks = new Weeks(weeksTried, triedInWeek.size() - weeksTried, periodWeeks - triedInWeek.size());
        Map<String, Boolean> triedByEpisode = new LinkedHashMap<>();
        Map<String, SentNudge> firstOfEpisode = new LinkedHashMap<>();
        for (SentNudge n : nudges) {
            if (n.dimension().isEmpty()) {
                continue;
            }
            String key = n.dimension().get() + "@" + anchor(n);
            firstOfEpisode.putIfAbsent(key, n);
            triedByEpisode.merge(key, isTried(n), Boolean::logicalOr);
        }
        List<Episode> episodes = new ArrayList<>();
        for (Map.Entry<String, SentNudge> e : firstOfEpisode.entrySet()) {
            Dimension d = e.getValue().dimension().get();
            WeekId anchor = anchor(e.getValue());
            if (anchor.plus(POST_TO).compareTo(current) > 0) {
                continue;
            }
            OptionalDouble before = mean(history, d, anchor.minus(PRE_WEEKS), anchor.minus(1));
            OptionalDouble after = mean(history, d, anchor.plus(POST_FROM), anchor.plus(POST_TO));
            if (before.isPresent() && after.isPresent()) {
                episodes.add(new Episode(
                        d, anchor, triedByEpisode.get(e.getKey()), after.getAsDouble() - before.getAsDouble()));
            }
        }
        return new Review(sent, tried, weeks, episodes, estimate(episodes));
    }

    /** The pulse the nudge was chosen from. */
    static WeekId anchor(SentNudge n) {
        return n.occasion() == SentNudge.Occasion.MIDWEEK ? n.week().minus(1) : n.week();
    }

    private static Optional<Estimate> estimate(List<Episode> episodes) {
        double[] tried = episodes.stream()
                .filter(Episode::tried)
                .mapToDouble(Episode::change)
                .toArray();
        double[] other = episodes.stream()
                .filter(e -> !e.tried())
                .mapToDouble(Episode::change)
                .toArray();
        if (tried.length < MIN_EPISODES || other.length < MIN_EPISODES) {
            return Optional.empty();
        }
        double triedMean = mean(tried);
        double otherMean = mean(other);
        double standardError =
                Math.sqrt(variance(tried, triedMean) / tried.length + variance(other, otherMean) / other.length);
        double margin = Quantiles.studentUpper(Z_95, tried.length + other.length - 2) * standardError;
        return Optional.of(
                new Estimate(triedMean - otherMean, margin, tried.length, other.length, triedMean, otherMean));
    }

    private static OptionalDouble mean(
            Map<WeekId, Map<Dimension, Double>> history, Dimension d, WeekId from, WeekId to) {
        double sum = 0;
        int weeks = 0;
        for (WeekId w = from; w.compareTo(to) <= 0; w = w.plus(1)) {
            Double v = history.getOrDefault(w, Map.of()).get(d);
            if (v != null) {
                sum += v;
                weeks++;
            }
        }
        return weeks == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / weeks);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return squares / (values.length - 1);
    }

    private static boolean isTried(SentNudge n) {
        return n.reaction().equals(Optional.of(SentNudge.Reaction.TRIED));
    }
}
