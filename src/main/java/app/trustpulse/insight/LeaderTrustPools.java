package app.trustpulse.insight;

import app.trustpulse.pulse.RatedLeaderRepository;
import app.trustpulse.pulse.RatedLeaderRepository.TrustInLeaderWeek;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.TrustInLeaderPool.Pooled;
import app.trustpulse.pulse.WeekId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Trust in the rated leader as the team's page shows it: the pools the team's pulses carried, one per complete block of
 * four weeks and never a rolling window, each over the weeks of its block that named the same leader as its last
 * week ({@link TrustInLeaderPool}). A pool is shown only where the team's threshold of today and every threshold of the
 * pulses that carried it allow it: a threshold raised since withholds it, and one lowered since does not show what the
 * channel withheld. As in the channel, only a pool that names a leader is shown.
 */
final class LeaderTrustPools {

    private final RatedLeaderRepository store;
    private final InsightQueries queries;

    LeaderTrustPools(RatedLeaderRepository store, InsightQueries queries) {
        this.store = store;
        this.queries = queries;
    }

    /**
     * @param team the team, with its threshold of today
     * @param closed the team's closed weeks, oldest first, each of which carried the pool of the latest complete block
     * @param shownFrom the first week the series shows: a block that ended before it is left out of the series
     */
    TeamView.TrustInLeader read(Team team, List<WeekId> closed, WeekId shownFrom) {
        if (closed.isEmpty()) {
            return TeamView.TrustInLeader.NONE;
        }
        // The pulses that carried each block: those of its last week and the weeks after it, up to the next block's
        // end.
        Map<WeekId, List<WeekId>> carriers = new TreeMap<>();
        for (WeekId week : closed) {
            carriers.computeIfAbsent(TrustInLeaderPool.latestCompleteStart(week), b -> new ArrayList<>())
                    .add(week);
        }
        WeekId first = carriers.keySet().iterator().next();
        WeekId last = closed.get(closed.size() - 1);
        List<TrustInLeaderWeek> weeks = store.trustInLeader(team.id(), first, last);
        Map<WeekId, Integer> published = queries.thresholdsAtClose(team.id(), closed.get(0), last.plus(1));
        List<Pooled> blocks = new ArrayList<>();
        Optional<Pooled> latest = Optional.empty();
        for (List<WeekId> carried : carriers.values()) {
            List<Integer> under = new ArrayList<>();
            under.add(team.threshold());
            carried.stream().map(published::get).filter(Objects::nonNull).forEach(under::add);
            Optional<Pooled> pool = shown(carried.get(0), weeks, under);
            if (pool.isPresent() && pool.get().to().compareTo(shownFrom) >= 0) {
                blocks.add(pool.get());
            }
            latest = pool;
        }
        return new TeamView.TrustInLeader(latest, blocks);
    }

    /** The pool under every one of the thresholds: its mean only when each allows it, else withheld with no count. */
    private static Optional<Pooled> shown(WeekId carrier, List<TrustInLeaderWeek> weeks, List<Integer> thresholds) {
        Optional<Pooled> shown = Optional.empty();
        for (int t : thresholds) {
            Optional<Pooled> pool = TrustInLeaderPool.latest(carrier, weeks, t)
                    .filter(p -> p.leader().isPresent());
            if (pool.isEmpty()) {
                return Optional.empty();
            }
            if (pool.get().withheld()) {
                Pooled p = pool.get();
                return Optional.of(new Pooled(p.from(), p.to(), p.leader(), OptionalDouble.empty(), 0));
            }
            shown = pool;
        }
        return shown;
    }
}
