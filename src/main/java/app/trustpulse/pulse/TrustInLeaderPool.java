package app.trustpulse.pulse;

import app.trustpulse.pulse.RatedLeaderRepository.TrustInLeaderWeek;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Trust in the leader over a four-week pool. About half a week's TRUST answers are on the trust-in-the-leader
 * statements, too few in a small team to pass the threshold in one week; four weeks together usually do. The pools
 * are fixed blocks of four ISO weeks (by {@link WeekId#ordinal()}), never a rolling window: two overlapping windows
 * would give away the difference between their first and last weeks, a figure from fewer people than the threshold.
 * A block is shown once its last week has closed, and only for weeks that named the same leader as its last week.
 *
 * <p>The threshold is about different people, and the weekly counts cannot tell who answered twice: a person's TRUST
 * statement moves one item each week, so they meet items 4-6 in at most {@link #MOST_WEEKS_PER_PERSON} of four
 * consecutive weeks. A pool therefore counts at least max(the largest weekly count, counted / 3 rounded up) different
 * people, and only that sure number is held against the threshold.
 */
public final class TrustInLeaderPool {

    public static final int WEEKS = 4;
    static final int MOST_WEEKS_PER_PERSON = 3;

    /**
     * One pool: the weeks it covers, the leader they named, and its mean (empty when withheld) over {@code scores}
     * scores.
     */
    public record Pooled(
            WeekId from, WeekId to, Optional<RatedLeaderRepository.Named> leader, OptionalDouble mean, int scores) {
        public boolean withheld() {
            return mean.isEmpty();
        }
    }

    private TrustInLeaderPool() {}

    /** The first week of the block the week belongs to. */
    public static WeekId blockStart(WeekId week) {
        return week.minus((int) Math.floorMod(week.ordinal(), (long) WEEKS));
    }

    /** The latest block whose last week is {@code closed} or before it. */
    public static WeekId latestCompleteStart(WeekId closed) {
        WeekId start = blockStart(closed);
        return start.plus(WEEKS - 1).equals(closed) ? start : start.minus(WEEKS);
    }

    /**
     * The pool shown with the pulse of {@code closed}: the latest complete block, from the stored weeks.
     *
     * @param weeks the stored weeks of (at least) that block
     */
    public static Optional<Pooled> latest(WeekId closed, List<TrustInLeaderWeek> weeks, int threshold) {
        WeekId from = latestCompleteStart(closed);
        WeekId to = from.plus(WEEKS - 1);
        List<TrustInLeaderWeek> block = weeks.stream()
                .filter(w -> w.week().compareTo(from) >= 0 && w.week().compareTo(to) <= 0)
                .sorted((a, b) -> a.week().compareTo(b.week()))
                .toList();
        if (block.isEmpty()) {
            return Optional.empty();
        }
        // One leader per pool: the one the block's last stored week named.
        Optional<String> leaderId = block.get(block.size() - 1).leader().map(RatedLeaderRepository.Named::userId);
        List<TrustInLeaderWeek> same = block.stream()
                .filter(w -> w.leader().map(RatedLeaderRepository.Named::userId).equals(leaderId))
                .toList();
        Optional<RatedLeaderRepository.Named> leader =
                block.get(block.size() - 1).leader();
        int sum = same.stream().mapToInt(TrustInLeaderWeek::sum).sum();
        int scores = same.stream().mapToInt(TrustInLeaderWeek::scores).sum();
        OptionalDouble mean = AnonymityPolicy.mayShow(surePeople(same), threshold) && scores > 0
                ? OptionalDouble.of((double) sum / scores)
                : OptionalDouble.empty();
        return Optional.of(new Pooled(from, to, leader, mean, scores));
    }

    /** The fewest different people the pool's counted scores can come from. */
    static int surePeople(List<TrustInLeaderWeek> weeks) {
        int largestWeek =
                weeks.stream().mapToInt(TrustInLeaderWeek::counted).max().orElse(0);
        int counted = weeks.stream().mapToInt(TrustInLeaderWeek::counted).sum();
        int spread = (counted + MOST_WEEKS_PER_PERSON - 1) / MOST_WEEKS_PER_PERSON;
        return Math.max(largestWeek, spread);
    }
}
