package app.trustpulse.pulse;

import app.trustpulse.pulse.RatedLeaderRepository.Named;
import app.trustpulse.pulse.RatedLeaderRepository.PinnedWeek;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * One rated leader per team: the leader the member statements name, so that "my leader" has one referent in a team
 * with several leaders. It is the leader an admin chose ({@code leader rated @name}), or else the first leader set
 * up. A week is pinned to the leader it names the first time it is needed (its first check-in, or its close) and
 * stays so: a change takes effect from the next week, and a week's answers are all about one person.
 */
public final class RatedLeaders {

    private final RatedLeaderRepository store;
    private final LongFunction<List<Member>> roster;

    /** @param roster a team's people in the order they joined (the first leader set up first) */
    public RatedLeaders(RatedLeaderRepository store, LongFunction<List<Member>> roster) {
        this.store = store;
        this.roster = roster;
    }

    public RatedLeaders(RatedLeaderRepository store, MemberRepository members) {
        this(store, members::ofTeam);
    }

    /** Names no leader: every statement says "my leader", as before one leader was rated. */
    public static RatedLeaders none() {
        return new RatedLeaders(inMemory(), teamId -> List.of());
    }

    /** The leader the week's statements name, as pinned; empty when the week was never pinned or names none. */
    public Optional<Named> of(long teamId, WeekId week) {
        return store.pinned(teamId, week).flatMap(PinnedWeek::leader);
    }

    /** The leader the week's statements name, pinning the week now if it was not yet. */
    public Optional<Named> pin(long teamId, WeekId week) {
        Optional<PinnedWeek> pinned = store.pinned(teamId, week);
        if (pinned.isPresent()) {
            return pinned.get().leader();
        }
        return store.pin(teamId, week, next(teamId)).leader();
    }

    /** Whether this leader is the one the week's statements name. */
    public boolean isRated(long teamId, WeekId week, String userId) {
        return of(teamId, week).map(n -> n.userId().equals(userId)).orElse(false);
    }

    /**
     * Whether the week's statements were about someone other than this leader (another leader, or no one named). A
     * week never pinned (closed before one leader was rated) is about nobody else: it is read as it always was.
     */
    public boolean namedSomeoneElse(long teamId, WeekId week, String userId) {
        return store.pinned(teamId, week)
                .map(p -> p.leader().map(n -> !n.userId().equals(userId)).orElse(true))
                .orElse(false);
    }

    /** The leader the next week to be pinned will name: the admin's choice while a leader, else the first leader. */
    public Optional<Named> next(long teamId) {
        List<Member> leaders =
                roster.apply(teamId).stream().filter(Member::isLeader).toList();
        Optional<String> chosen = store.choice(teamId);
        return leaders.stream()
                .filter(m -> chosen.isPresent() && m.userId().equals(chosen.get()))
                .findFirst()
                .or(() -> leaders.stream().findFirst())
                .map(m -> new Named(m.userId(), m.displayName()));
    }

    /**
     * Makes a leader the rated one from the next week: the current week is pinned first (to whom it names now), so
     * nothing changes mid-week.
     */
    public void choose(long teamId, WeekId currentWeek, String userId) {
        pin(teamId, currentWeek);
        store.choose(teamId, userId);
    }

    /** Keeps a closed week's trust-in-the-leader aggregate (a close run again keeps the first). */
    public void keep(long teamId, WeekId week, TrustInLeaderSplit split) {
        store.saveTrustInLeader(teamId, week, split.sum(), split.scores(), split.counted(), split.givers());
        // Keep less: a block's tokens are needed while its weeks can still close. The block before stays, for a close
        // that comes late; older ones go, so a token outlives its block by four to eight weeks.
        store.forgetPoolGiversBefore(teamId, TrustInLeaderPool.blockStart(week).minus(TrustInLeaderPool.WEEKS));
    }

    /** The giver tokens already pooled in the block of {@code week} (see {@link TrustInLeaderSplit}). */
    public Set<String> pooledGivers(long teamId, WeekId week) {
        return store.poolGivers(teamId, TrustInLeaderPool.blockStart(week));
    }

    /**
     * The trust-in-the-leader pool shown with a closed week's pulse: the latest complete block of four weeks, through
     * the team's threshold; empty when nothing was stored for it.
     */
    public Optional<TrustInLeaderPool.Pooled> pool(long teamId, WeekId closed, int threshold) {
        WeekId from = TrustInLeaderPool.latestCompleteStart(closed);
        return TrustInLeaderPool.latest(
                closed, store.trustInLeader(teamId, from, from.plus(TrustInLeaderPool.WEEKS - 1)), threshold);
    }

    /**
     * A team's first leader (named at setup, or the first made leader of a team without one) is its rated leader
     * until an admin chooses another; kept as a choice, since people set up together have no order among them.
     */
    public void firstLeader(long teamId, String userId) {
        store.choose(teamId, userId);
    }

    /** Erases a leader who asked to be forgotten (see {@link RatedLeaderRepository#forget}). */
    public void forget(long teamId, String userId) {
        store.forget(teamId, userId);
    }

    /** A store in memory, for tests and runs without a database. */
    public static RatedLeaderRepository inMemory() {
        return new InMemory();
    }

    private static final class InMemory implements RatedLeaderRepository {
        private final Map<Long, String> choices = new HashMap<>();
        private final Map<String, PinnedWeek> weeks = new HashMap<>();
        private final Map<String, int[]> trust = new HashMap<>();
        private final Map<String, Set<String>> givers = new HashMap<>();

        @Override
        public synchronized Optional<String> choice(long teamId) {
            return Optional.ofNullable(choices.get(teamId));
        }

        @Override
        public synchronized void choose(long teamId, String userId) {
            choices.put(teamId, userId);
        }

        @Override
        public synchronized Optional<PinnedWeek> pinned(long teamId, WeekId week) {
            return Optional.ofNullable(weeks.get(teamId + ":" + week));
        }

        @Override
        public synchronized PinnedWeek pin(long teamId, WeekId week, Optional<Named> leader) {
            return weeks.computeIfAbsent(teamId + ":" + week, k -> new PinnedWeek(week, leader));
        }

        @Override
        public synchronized void forget(long teamId, String userId) {
            choices.remove(teamId, userId);
            weeks.replaceAll((k, w) -> k.startsWith(teamId + ":")
                            && w.leader().map(n -> n.userId().equals(userId)).orElse(false)
                    ? new PinnedWeek(w.week(), Optional.empty())
                    : w);
        }

        @Override
        public synchronized void saveTrustInLeader(
                long teamId, WeekId week, int sum, int scores, int counted, Collection<String> pooled) {
            trust.putIfAbsent(teamId + ":" + week, new int[] {sum, scores, counted});
            givers.computeIfAbsent(teamId + ":" + TrustInLeaderPool.blockStart(week), k -> new HashSet<>())
                    .addAll(pooled);
        }

        @Override
        public synchronized int forgetPoolGiversBefore(long teamId, WeekId blockStart) {
            int[] forgotten = {0};
            givers.entrySet().removeIf(e -> {
                String[] key = e.getKey().split(":");
                boolean old =
                        Long.parseLong(key[0]) == teamId && WeekId.parse(key[1]).compareTo(blockStart) < 0;
                if (old) {
                    forgotten[0] += e.getValue().size();
                }
                return old;
            });
            return forgotten[0];
        }

        @Override
        public synchronized Set<String> poolGivers(long teamId, WeekId blockStart) {
            return Set.copyOf(givers.getOrDefault(teamId + ":" + blockStart, Set.of()));
        }

        @Override
        public synchronized List<TrustInLeaderWeek> trustInLeader(long teamId, WeekId from, WeekId to) {
            return trust.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(teamId + ":"))
                    .map(e -> Map.entry(
                            WeekId.parse(e.getKey().substring(e.getKey().indexOf(':') + 1)), e.getValue()))
                    .filter(e -> e.getKey().compareTo(from) >= 0 && e.getKey().compareTo(to) <= 0)
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> new TrustInLeaderWeek(
                            e.getKey(),
                            pinned(teamId, e.getKey()).flatMap(PinnedWeek::leader),
                            e.getValue()[0],
                            e.getValue()[1],
                            e.getValue()[2],
                            true))
                    .toList();
        }
    }
}
