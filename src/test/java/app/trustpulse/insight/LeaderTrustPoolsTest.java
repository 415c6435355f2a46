package app.trustpulse.insight;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.RatedLeaderRepository;
import app.trustpulse.pulse.RatedLeaderRepository.Named;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.TrustInLeaderPool.Pooled;
import app.trustpulse.pulse.WeekId;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Trust in the rated leader on the team's page: the pool of each complete block of four weeks, its mean only when
 * enough different people are sure to be in it, only the weeks that named the block's leader, and never a rolling
 * window.
 */
class LeaderTrustPoolsTest {

    private static final long TEAM = 7;
    private static final Named ANN = new Named("ann", "Ann");
    private static final Named BOB = new Named("bob", "Bob");
    /** The first week of a block of four. */
    private static final WeekId START = TrustInLeaderPool.blockStart(WeekId.parse("2026-W45"));

    private final RatedLeaderRepository store = RatedLeaders.inMemory();
    private final Map<WeekId, Integer> publishedUnder = new HashMap<>();
    private final LeaderTrustPools pools = new LeaderTrustPools(store, new Thresholds());

    @Test
    void aCompleteBlockWithEnoughPeopleShowsItsWeeksItsLeaderAndItsMean() {
        // Three scores a week from three people who count, each pooled once: 12 scores from 12 different people.
        List<WeekId> closed = weeks(START, 4, ANN, 12, 3, 3);

        TeamView.TrustInLeader shown = pools.read(team(3), closed, START);

        Pooled latest = shown.latest().orElseThrow();
        assertThat(latest.from()).isEqualTo(START);
        assertThat(latest.to()).isEqualTo(START.plus(3));
        assertThat(latest.leader()).contains(ANN);
        assertThat(latest.mean()).hasValue(4.0);
        assertThat(latest.scores()).isEqualTo(12);
        assertThat(shown.blocks()).containsExactly(latest);
    }

    @Test
    void aBlockFromFewerPeopleThanTheThresholdIsWithheldWithNoMeanAndNoCount() {
        // One score a week: 4 different people, not enough for a threshold of 5.
        List<WeekId> closed = weeks(START, 4, ANN, 4, 1, 1);

        Pooled latest = pools.read(team(5), closed, START).latest().orElseThrow();

        assertThat(latest.withheld()).isTrue();
        assertThat(latest.mean()).isEmpty();
        assertThat(latest.scores()).as("no count below the threshold either").isZero();
        assertThat(latest.leader()).as("whom it is about is said").contains(ANN);
    }

    @Test
    void onlyCompleteBlocksAreShownNeverTheOneStillFilling() {
        List<WeekId> closed = weeks(START, 6, ANN, 12, 3, 3);

        TeamView.TrustInLeader shown = pools.read(team(3), closed, START);

        assertThat(shown.blocks()).extracting(Pooled::from).containsExactly(START);
        assertThat(shown.latest().orElseThrow().to())
                .as("two weeks into the next block, the latest complete one is still the first")
                .isEqualTo(START.plus(3));
        assertThat(shown.latest().orElseThrow().scores()).isEqualTo(12);
    }

    @Test
    void theSeriesHasOnePointPerBlockAndTheBlocksNeverOverlap() {
        List<WeekId> closed = weeks(START, 12, ANN, 12, 3, 3);

        List<Pooled> blocks = pools.read(team(3), closed, START).blocks();

        assertThat(blocks).hasSize(3);
        for (int i = 0; i < blocks.size(); i++) {
            assertThat(blocks.get(i).from()).isEqualTo(START.plus(4 * i));
            assertThat(blocks.get(i).to()).isEqualTo(START.plus(4 * i + 3));
        }
    }

    @Test
    void aBlockPoolsOnlyTheWeeksThatNamedTheLeaderOfItsLastWeek() {
        weeks(START, 2, BOB, 5, 3, 3);
        List<WeekId> closed = List.of(START, START.plus(1), START.plus(2), START.plus(3));
        weeks(START.plus(2), 2, ANN, 16, 4, 4);

        Pooled pool = pools.read(team(3), closed, START).latest().orElseThrow();

        assertThat(pool.leader()).contains(ANN);
        assertThat(pool.scores()).as("Bob's weeks left out").isEqualTo(8);
        assertThat(pool.mean()).hasValue(4.0);
    }

    @Test
    void aBlockOnlyPartlyAboutItsLeaderIsWithheldWhenItsOwnWeeksHoldTooFewPeople() {
        weeks(START, 3, BOB, 12, 3, 3);
        weeks(START.plus(3), 1, ANN, 8, 2, 2);

        Pooled pool = pools.read(team(3), weeksFrom(START, 4), START).latest().orElseThrow();

        assertThat(pool.leader()).contains(ANN);
        assertThat(pool.withheld())
                .as("two people in Ann's one week, though the block has enough about Bob")
                .isTrue();
    }

    @Test
    void aPoolWithheldWhenItsPulseWentOutStaysWithheldUnderALowerThresholdToday() {
        List<WeekId> closed = weeks(START, 4, ANN, 4, 1, 1);
        publishedUnder.put(START.plus(3), 5);

        assertThat(pools.read(team(3), closed, START).latest().orElseThrow().withheld())
                .isTrue();
    }

    @Test
    void aThresholdRaisedSinceWithholdsAPoolThatWasShown() {
        List<WeekId> closed = weeks(START, 4, ANN, 4, 1, 1);
        closed.forEach(w -> publishedUnder.put(w, 3));

        assertThat(pools.read(team(5), closed, START).latest().orElseThrow().withheld())
                .isTrue();
        assertThat(pools.read(team(3), closed, START).latest().orElseThrow().withheld())
                .isFalse();
    }

    @Test
    void aBlockThatNamedNoLeaderIsNotShownAsInTheChannel() {
        List<WeekId> closed = weeksFrom(START, 4);
        for (WeekId w : closed) {
            store.pin(TEAM, w, Optional.empty());
            store.saveTrustInLeader(TEAM, w, 12, 3, 3, givers(w, 3));
        }

        TeamView.TrustInLeader shown = pools.read(team(3), closed, START);

        assertThat(shown.latest()).isEmpty();
        assertThat(shown.blocks()).isEmpty();
    }

    @Test
    void theSeriesLeavesOutBlocksThatEndedBeforeTheWeeksShownButTheLatestStays() {
        List<WeekId> closed = weeks(START, 5, ANN, 12, 3, 3);
        WeekId shownFrom = START.plus(4);

        TeamView.TrustInLeader shown = pools.read(team(3), closed.subList(4, 5), shownFrom);

        assertThat(shown.blocks()).isEmpty();
        assertThat(shown.latest().orElseThrow().from()).isEqualTo(START);
    }

    @Test
    void nothingClosedShowsNothing() {
        assertThat(pools.read(team(3), List.of(), START)).isEqualTo(TeamView.TrustInLeader.NONE);
    }

    /** Stores {@code count} closed weeks from {@code first}, each naming {@code leader}, with one sum and counts. */
    private List<WeekId> weeks(WeekId first, int count, Named leader, int sum, int scores, int counted) {
        List<WeekId> weeks = weeksFrom(first, count);
        for (WeekId w : weeks) {
            store.pin(TEAM, w, Optional.of(leader));
            store.saveTrustInLeader(TEAM, w, sum, scores, counted, givers(w, counted));
        }
        return weeks;
    }

    /** One giver token per person the week pooled, none of them pooled in another week. */
    private static List<String> givers(WeekId week, int people) {
        return java.util.stream.IntStream.range(0, people)
                .mapToObj(i -> week + "-" + i)
                .toList();
    }

    private static List<WeekId> weeksFrom(WeekId first, int count) {
        List<WeekId> weeks = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            weeks.add(first.plus(i));
        }
        return weeks;
    }

    private static Team team(int threshold) {
        return new Team(
                TEAM,
                Platform.PLAYGROUND,
                "demo",
                "team",
                "#team",
                ZoneId.of("Europe/Amsterdam"),
                Language.EN,
                threshold,
                TeamSchedule.defaults(),
                false);
    }

    /** The thresholds the weeks' pulses went out under; nothing else is read. */
    private final class Thresholds implements InsightQueries {

        @Override
        public List<PublishedWeek> closedWeeks(long teamId, WeekId from, WeekId toExclusive) {
            throw new AssertionError("the pools read only the thresholds at close");
        }

        @Override
        public Map<WeekId, Integer> thresholdsAtClose(long teamId, WeekId from, WeekId toExclusive) {
            Map<WeekId, Integer> in = new TreeMap<>();
            publishedUnder.forEach((w, t) -> {
                if (w.compareTo(from) >= 0 && w.compareTo(toExclusive) < 0) {
                    in.put(w, t);
                }
            });
            return in;
        }

        @Override
        public List<ReleasedFeedback> releasedFeedback(long teamId, WeekId from, WeekId toExclusive) {
            throw new AssertionError("the pools read only the thresholds at close");
        }
    }
}
