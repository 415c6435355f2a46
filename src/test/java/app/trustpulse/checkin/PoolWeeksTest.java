package app.trustpulse.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseModule;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A round's members' pool weeks are kept for a minute per team, and teams dealt longer ago are let go. */
class PoolWeeksTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:00:00Z"));

    @Test
    void theTeamsOfEarlierRoundsAreLetGoSoTheMemoryHoldsTheRoundsUnderWay() {
        MemberRepository members = mock(MemberRepository.class);
        when(members.ofTeam(anyLong())).thenAnswer(call -> roster(call.getArgument(0)));
        PoolWeeks weeks = new PoolWeeks(members, new PulseModule(new byte[32]).pseudonyms(), clock);
        for (long team = 1; team <= 300; team++) {
            assertThat(weeks.of(team(team), roster(team).get(1))).isBetween(0, 3);
        }
        assertThat(weeks.teamsHeld()).isEqualTo(300);

        clock.move(Duration.ofSeconds(30));
        weeks.of(team(7), roster(7).get(2));
        assertThat(weeks.teamsHeld()).as("all dealt within the minute").isEqualTo(300);

        clock.move(Duration.ofSeconds(45));
        weeks.of(team(301), roster(301).get(1));

        assertThat(weeks.teamsHeld()).isEqualTo(1);
    }

    private static Team team(long id) {
        return new Team(
                id,
                Platform.SLACK,
                "T1",
                "C" + id,
                "Team " + id,
                ZoneId.of("Europe/Amsterdam"),
                Language.EN,
                3,
                TeamSchedule.defaults(),
                false);
    }

    private static List<Member> roster(long team) {
        return List.of(
                new Member(team, "U" + team + "L", "Leader", Role.LEADER, Optional.empty(), false, false),
                new Member(team, "U" + team + "A", "A", Role.MEMBER, Optional.empty(), false, false),
                new Member(team, "U" + team + "B", "B", Role.MEMBER, Optional.empty(), false, false));
    }
}
