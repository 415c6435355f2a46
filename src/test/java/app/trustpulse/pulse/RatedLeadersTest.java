package app.trustpulse.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.RatedLeaderRepository.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One rated leader per team, pinned per week: a change takes effect from the next week, never mid-week. */
class RatedLeadersTest {

    private static final long TEAM = 7;
    private final List<Member> roster = new ArrayList<>();
    private final RatedLeaders leaders = new RatedLeaders(RatedLeaders.inMemory(), teamId -> List.copyOf(roster));
    private final WeekId week = new WeekId(2026, 48);

    private static Member person(String id, Role role) {
        return new Member(TEAM, id, id.toUpperCase(), role, Optional.empty(), false, false);
    }

    @Test
    void theFirstLeaderSetUpIsRatedByDefault() {
        roster.add(person("m1", Role.MEMBER));
        roster.add(person("ann", Role.LEADER));
        roster.add(person("bob", Role.LEADER));

        assertThat(leaders.pin(TEAM, week)).contains(new Named("ann", "ANN"));
        assertThat(leaders.isRated(TEAM, week, "ann")).isTrue();
        assertThat(leaders.isRated(TEAM, week, "bob")).isFalse();
        assertThat(leaders.namedSomeoneElse(TEAM, week, "bob")).isTrue();
        assertThat(leaders.namedSomeoneElse(TEAM, week, "ann")).isFalse();
        assertThat(leaders.namedSomeoneElse(TEAM, week.minus(1), "bob"))
                .as("a week never pinned is read as before")
                .isFalse();
    }

    @Test
    void choosingAnotherLeaderMidWeekChangesNothingUntilNextWeek() {
        roster.add(person("ann", Role.LEADER));
        roster.add(person("bob", Role.LEADER));

        leaders.choose(TEAM, week, "bob");

        assertThat(leaders.of(TEAM, week))
                .as("this week was pinned before the change, to whom it named")
                .map(Named::userId)
                .contains("ann");
        assertThat(leaders.pin(TEAM, week)).map(Named::userId).contains("ann");
        assertThat(leaders.pin(TEAM, week.plus(1))).map(Named::userId).contains("bob");
    }

    @Test
    void aPinnedWeekKeepsItsLeaderWhateverHappensToTheRoster() {
        roster.add(person("ann", Role.LEADER));
        roster.add(person("bob", Role.LEADER));
        leaders.pin(TEAM, week);

        roster.remove(0);

        assertThat(leaders.of(TEAM, week)).map(Named::userId).contains("ann");
        assertThat(leaders.pin(TEAM, week.plus(1)))
                .as("the next week names the next leader")
                .map(Named::userId)
                .contains("bob");
    }

    @Test
    void aChosenLeaderWhoIsNoLongerALeaderGivesWayToTheFirstLeader() {
        roster.add(person("ann", Role.LEADER));
        roster.add(person("bob", Role.MEMBER));
        leaders.choose(TEAM, week, "bob");

        assertThat(leaders.next(TEAM)).map(Named::userId).contains("ann");
    }

    @Test
    void aTeamWithoutLeadersNamesNoOneAndItsStatementsSayMyLeader() {
        roster.add(person("m1", Role.MEMBER));

        assertThat(leaders.pin(TEAM, week)).isEmpty();
        StatementRef named = StatementRef.current(Dimension.TRUST, Role.MEMBER, 4);
        assertThat(LeaderItems.namesTheLeader(named)).isTrue();
        assertThat(LeaderItems.forTeamWithoutLeader(named).messageKey()).isEqualTo("statement.v3.TRUST.member.4");
        assertThat(LeaderItems.forTeamWithoutLeader(StatementRef.current(Dimension.VISION, Role.MEMBER, 1)))
                .isEqualTo(StatementRef.current(Dimension.VISION, Role.MEMBER, 1));
    }

    @Test
    void aLeaderWhoAskedToBeForgottenIsNamedInNoWeek() {
        roster.add(person("ann", Role.LEADER));
        leaders.pin(TEAM, week);

        leaders.forget(TEAM, "ann");

        assertThat(leaders.of(TEAM, week)).isEmpty();
    }
}
