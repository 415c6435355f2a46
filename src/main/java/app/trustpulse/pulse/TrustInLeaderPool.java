package app.trustpulse.pulse;

import app.trustpulse.pulse.RatedLeaderRepository.TrustInLeaderWeek;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Trust in the leader over a four-week pool. Each member is asked a trust-in-the-leader statement once per block, in
 * their {@link #poolWeeks pool week}, so one week holds about a quarter of the team's scores, too few to pass the
 * threshold; four weeks together do. The pools are fixed blocks of four ISO weeks (by {@link WeekId#ordinal()}), never
 * a rolling window: two overlapping windows would give away the difference between their first and last weeks, a
 * figure from fewer people than the threshold. A block is shown once its last week has closed, and only for weeks that
 * named the same leader as its last week.
 *
 * <p>The threshold is about different people. A week closed with its givers kept apart ({@link
 * TrustInLeaderWeek#distinctGivers()}) pooled only people whose one-way giver token was not yet in the block, so the
 * counts of such weeks add up to different people. Weeks closed before that (or in a block that mixes both) are held
 * to what is sure whatever the rotation was: nobody answers twice in one week, so a pool counts at least the largest
 * weekly count and at least a quarter of all its counts.
 */
public final class TrustInLeaderPool {

    public static final int WEEKS = 4;

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

    /** The week's place (0-3) in its block. */
    public static int weekInBlock(WeekId week) {
        return (int) Math.floorMod(week.ordinal(), (long) WEEKS);
    }

    /**
     * Each member's pool week (0-3): the members in the order of their keys, dealt over the block's weeks in turn, so
     * every week of the block has a quarter of the team (rounded up) on trust in the leader and the rest on felt trust.
     * A member whose place moves with the roster mid-block may be asked twice or not at all; their giver token keeps a
     * second answer out of the pool.
     *
     * @param memberKeys the keys of the members who get check-ins
     */
    public static Map<Long, Integer> poolWeeks(Collection<Long> memberKeys) {
        List<Long> ordered = memberKeys.stream().distinct().sorted().toList();
        Map<Long, Integer> weeks = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            weeks.put(ordered.get(i), i % WEEKS);
        }
        return weeks;
    }

    /**
     * Each member's pool week by user id, dealt from the team's roster: the members who get check-ins (not leaders, not
     * those who opted out), by their secret-keyed rotation keys (see {@link #poolWeeks(Collection)}).
     */
    public static Map<String, Integer> poolWeeksOf(Team team, List<Member> roster, Pseudonymizer pseudonyms) {
        Map<Long, String> byKey = new HashMap<>();
        for (Member m : roster) {
            if (m.role() == Role.MEMBER && !m.optedOut()) {
                byKey.put(pseudonyms.rotationKey(team.id(), team.platform(), m.userId()), m.userId());
            }
        }
        Map<String, Integer> byUser = new HashMap<>();
        poolWeeks(byKey.keySet()).forEach((key, week) -> byUser.put(byKey.get(key), week));
        return byUser;
    }

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
        int quarter = (counted + WEEKS - 1) / WEEKS;
        int keptApart = weeks.stream()
                .filter(TrustInLeaderWeek::distinctGivers)
                .mapToInt(TrustInLeaderWeek::counted)
                .sum();
        return Math.max(Math.max(largestWeek, quarter), keptApart);
    }
}
