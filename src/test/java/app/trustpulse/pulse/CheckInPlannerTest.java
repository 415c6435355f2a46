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

    private Set<Dimension> weekOf(long person, WeekId w, int checkIns) {
        Set<Dimension> seen = EnumSet.noneOf(Dimension.class);
        for (int slot = 0; slot < checkIns; slot++) {
            planner.plan(Role.MEMBER, person, w, slot, checkIns).forEach(s -> seen.add(s.dimension()));
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
            List<StatementRef> plan = planner.plan(Role.MEMBER, 7, week, slot, perWeek);
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
        List<StatementRef> a = planner.plan(Role.MEMBER, 1, week, 0, 3);
        List<StatementRef> b = planner.plan(Role.MEMBER, 2, week, 0, 3);
        List<StatementRef> nextWeek = planner.plan(Role.MEMBER, 1, week.plus(1), 0, 3);
        assertThat(a).isNotEqualTo(b);
        assertThat(a.get(0).dimension()).isNotEqualTo(nextWeek.get(0).dimension());
    }

    @Test
    void leadersGetTheMirrorsOfTheItemsMembersGetInTheSameRotation() {
        for (int w = 0; w < 12; w++) {
            List<StatementRef> leader = planner.plan(Role.LEADER, 3, week.plus(w), 0, 3);
            List<StatementRef> member = planner.plan(Role.MEMBER, 3, week.plus(w), 0, 3);
            assertThat(leader).allMatch(s -> s.audience() == Role.LEADER && s.version() == Instrument.CURRENT_VERSION);
            assertThat(leader)
                    .extracting(StatementRef::dimension)
                    .containsExactlyElementsOf(
                            member.stream().map(StatementRef::dimension).toList());
            assertThat(leader)
                    .extracting(StatementRef::item)
                    .containsExactlyElementsOf(
                            member.stream().map(StatementRef::item).toList());
        }
    }

    @Test
    void everyItemOfADimensionComesRoundAndEachWeekMixesThemEvenly() {
        for (Dimension d : Dimension.values()) {
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
            for (StatementRef s : planner.plan(Role.MEMBER, person, w, slot, 3)) {
                if (s.dimension() == d) {
                    return s.item();
                }
            }
        }
        throw new AssertionError("not asked: " + d);
    }
}
