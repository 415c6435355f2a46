package app.trustpulse.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckInPlannerTest {

    private final CheckInPlanner planner = new CheckInPlanner();
    private final WeekId week = new WeekId(2026, 47);

    /** A spread of pool weeks over the people, as a roster would deal them. */
    private static int poolWeek(long person) {
        return (int) Math.floorMod(person, 4L);
    }

    private Set<Dimension> weekOf(long person, WeekId w, int checkIns) {
        Set<Dimension> seen = EnumSet.noneOf(Dimension.class);
        for (int slot = 0; slot < checkIns; slot++) {
            planner.plan(Role.MEMBER, person, poolWeek(person), w, slot, checkIns)
                    .forEach(s -> seen.add(s.dimension()));
        }
        return seen;
    }

    @Test
    void withThreeCheckInsEveryPersonMeetsAllSixEveryWeek() {
        for (long person = -50; person < 50; person++) {
            for (int w = 0; w < 60; w++) {
                assertThat(weekOf(person, week.plus(w), 3))
                        .as("person %d week %d", person, w)
                        .hasSize(6);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 7})
    void everyCheckInAsksTwoOrThreeDifferentStatements(int perWeek) {
        for (int slot = 0; slot < perWeek; slot++) {
            List<StatementRef> plan = planner.plan(Role.MEMBER, 7, poolWeek(7), week, slot, perWeek);
            assertThat(plan).hasSizeBetween(2, 3);
            assertThat(plan.stream().map(StatementRef::dimension).distinct()).hasSize(plan.size());
        }
        assertThat(weekOf(7, week, perWeek)).hasSize(6);
    }

    @Test
    void withOneCheckInAWeekTwoWeeksTogetherCoverAllSix() {
        for (long person = 0; person < 20; person++) {
            Set<Dimension> both = weekOf(person, week, 1);
            both.addAll(weekOf(person, week.plus(1), 1));
            assertThat(both).hasSize(6);
        }
    }

    @Test
    void orderRotatesBetweenPeopleAndWeeks() {
        List<StatementRef> a = planner.plan(Role.MEMBER, 1, poolWeek(1), week, 0, 3);
        List<StatementRef> b = planner.plan(Role.MEMBER, 2, poolWeek(2), week, 0, 3);
        List<StatementRef> nextWeek = planner.plan(Role.MEMBER, 1, poolWeek(1), week.plus(1), 0, 3);
        assertThat(a).isNotEqualTo(b);
        assertThat(a.get(0).dimension()).isNotEqualTo(nextWeek.get(0).dimension());
    }

    @Test
    void leadersGetTheMirrorsOfTheItemsMembersGetInTheSameRotation() {
        for (int w = 0; w < 12; w++) {
            List<StatementRef> leader = planner.plan(Role.LEADER, 3, poolWeek(3), week.plus(w), 0, 3);
            List<StatementRef> member = planner.plan(Role.MEMBER, 3, poolWeek(3), week.plus(w), 0, 3);
            assertThat(leader).allMatch(s -> s.audience() == Role.LEADER && s.version() == Instrument.CURRENT_VERSION);
            assertThat(leader)
                    .extracting(StatementRef::dimension)
                    .containsExactlyElementsOf(
                            member.stream().map(StatementRef::dimension).toList());
            for (int i = 0; i < leader.size(); i++) {
                if (leader.get(i).dimension() != Dimension.TRUST) {
                    assertThat(leader.get(i).item()).isEqualTo(member.get(i).item());
                }
            }
        }
    }

    @Test
    void leadersAlwaysGetAFeltTrustMirrorSoTheirSelfCheckHasAWeeklyTeamMean() {
        for (long leader = 0; leader < 20; leader++) {
            for (int w = 0; w < 16; w++) {
                int item = CheckInPlanner.itemOf(Role.LEADER, Dimension.TRUST, leader, poolWeek(leader), week.plus(w));
                assertThat(item).isBetween(1, LeaderItems.FIRST_TRUST_IN_LEADER_ITEM - 1);
            }
        }
    }

    @Test
    void aMemberMeetsTrustInTheLeaderOnceABlockInTheirPoolWeekAndFeltTrustTheOtherWeeks() {
        WeekId blockStart = TrustInLeaderPool.blockStart(week);
        for (long person = 0; person < 40; person++) {
            for (int block = 0; block < 6; block++) {
                int inLeader = 0;
                for (int w = 0; w < TrustInLeaderPool.WEEKS; w++) {
                    WeekId wk = blockStart.plus(block * TrustInLeaderPool.WEEKS + w);
                    int item = itemAsked(person, wk, Dimension.TRUST);
                    if (LeaderItems.trustInLeader(Dimension.TRUST, item)) {
                        inLeader++;
                        assertThat(w).as("person %d block %d", person, block).isEqualTo(poolWeek(person));
                    }
                }
                assertThat(inLeader).as("person %d block %d", person, block).isEqualTo(1);
            }
        }
    }

    @Test
    void withOneCheckInAWeekEveryMemberStillMeetsTrustInTheLeaderOnceABlock() {
        WeekId blockStart = TrustInLeaderPool.blockStart(week);
        for (long person = 0; person < 40; person++) {
            for (int block = 0; block < 6; block++) {
                int inLeader = 0;
                for (int w = 0; w < TrustInLeaderPool.WEEKS; w++) {
                    for (StatementRef s : planner.plan(
                            Role.MEMBER,
                            person,
                            poolWeek(person),
                            blockStart.plus(block * TrustInLeaderPool.WEEKS + w),
                            0,
                            1)) {
                        if (LeaderItems.trustInLeader(s.dimension(), s.item())) {
                            inLeader++;
                        }
                    }
                }
                assertThat(inLeader).as("person %d block %d", person, block).isEqualTo(1);
            }
        }
    }

    @Test
    void feltTrustAndTrustInTheLeaderEachRotateOverTheirThreeItems() {
        WeekId blockStart = TrustInLeaderPool.blockStart(week);
        Set<Integer> felt = new java.util.HashSet<>();
        Set<Integer> inLeader = new java.util.HashSet<>();
        for (int w = 0; w < 12 * TrustInLeaderPool.WEEKS; w++) {
            int item = itemAsked(5, blockStart.plus(w), Dimension.TRUST);
            (LeaderItems.trustInLeader(Dimension.TRUST, item) ? inLeader : felt).add(item);
        }
        assertThat(felt).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(inLeader).containsExactlyInAnyOrder(4, 5, 6);
    }

    @Test
    void poolWeeksDealTheTeamEvenlySoEachWeekKeepsThreeQuartersOnFeltTrust() {
        for (int n = 1; n < 30; n++) {
            int size = n;
            java.util.List<Long> keys = new java.util.ArrayList<>();
            java.util.Random random = new java.util.Random(size);
            for (int i = 0; i < size; i++) {
                keys.add(random.nextLong() & Long.MAX_VALUE);
            }
            java.util.Map<Long, Integer> weeks = TrustInLeaderPool.poolWeeks(keys);
            assertThat(weeks).hasSize(size);
            java.util.Map<Integer, Long> perWeek = weeks.values().stream()
                    .collect(java.util.stream.Collectors.groupingBy(w -> w, java.util.stream.Collectors.counting()));
            assertThat(perWeek.values()).allMatch(count -> count <= (size + 3) / 4);
        }
    }

    @Test
    void everyItemOfADimensionComesRoundAndEachWeekMixesThemEvenly() {
        for (Dimension d : Dimension.values()) {
            if (d == Dimension.TRUST) {
                continue; // felt trust weekly, trust in the leader once a block: tested on their own
            }
            Set<Integer> overWeeks = new java.util.HashSet<>();
            for (int w = 0; w < 12; w++) {
                overWeeks.add(itemAsked(3, week.plus(w), d));
            }
            assertThat(overWeeks).as("%s", d).hasSize(Instrument.items(d));
            java.util.Map<Integer, Integer> oneWeek = new java.util.HashMap<>();
            for (long person = 0; person < 6L * Instrument.items(d); person++) {
                oneWeek.merge(itemAsked(person, week, d), 1, Integer::sum);
            }
            assertThat(oneWeek.values()).as("%s", d).allMatch(n -> n == 6);
        }
    }

    @Test
    void trustRotatesOverTheTrustGivenAndTheTrustInTheLeaderItems() {
        assertThat(Instrument.items(Dimension.TRUST)).isEqualTo(6);
        assertThat(Dimension.values()).filteredOn(d -> d != Dimension.TRUST).allMatch(d -> Instrument.items(d) == 3);
    }

    private int itemAsked(long person, WeekId w, Dimension d) {
        for (int slot = 0; slot < 3; slot++) {
            for (StatementRef s : planner.plan(Role.MEMBER, person, poolWeek(person), w, slot, 3)) {
                if (s.dimension() == d) {
                    return s.item();
                }
            }
        }
        throw new AssertionError("not asked: " + d);
    }
}
