package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.insertTeam;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static app.trustpulse.persistence.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Role;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcMemberRepositoryTest {

    private static Member member(long teamId, String userId) {
        return new Member(teamId, userId, "Name " + userId, Role.MEMBER, Optional.empty(), false, false);
    }

    @BothDatabases
    void savesAndFindsAMember(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var members = new JdbcMemberRepository(jdbc);
        Member ann = new Member(team, "U1", "Ann", Role.LEADER, Optional.of(ZoneId.of("Asia/Tokyo")), true, true);

        members.save(ann);

        assertThat(members.find(team, "U1")).contains(ann);
        assertThat(members.find(team, "U2")).isEmpty();
    }

    @BothDatabases
    void savingAgainReplacesTheMembership(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var members = new JdbcMemberRepository(jdbc);
        Member ann = member(team, "U1");
        members.save(ann);

        Member changed =
                new Member(team, "U1", "Ann B.", Role.LEADER, Optional.of(ZoneId.of("Europe/London")), true, true);
        members.save(changed);
        members.save(changed.withOptedOut(false).withNudgesPaused(false).withRole(Role.MEMBER));

        assertThat(members.ofTeam(team))
                .containsExactly(new Member(
                        team, "U1", "Ann B.", Role.MEMBER, Optional.of(ZoneId.of("Europe/London")), false, false));
    }

    @BothDatabases
    void listsATeamAndRemovesMembers(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long otherTeam = insertTeam(jdbc, "C2");
        var members = new JdbcMemberRepository(jdbc);
        members.save(member(team, "U1"));
        members.save(member(team, "U2"));
        members.save(member(otherTeam, "U1"));

        assertThat(members.ofTeam(team)).extracting(Member::userId).containsExactlyInAnyOrder("U1", "U2");
        assertThat(members.remove(team, "U1")).isTrue();
        assertThat(members.remove(team, "U1")).isFalse();
        assertThat(members.ofTeam(team)).extracting(Member::userId).containsExactly("U2");
        assertThat(members.find(otherTeam, "U1")).isPresent();
    }

    @BothDatabases
    void findsTheMembershipsOfAUserInOneWorkspace(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        var teams = new JdbcTeamRepository(jdbc);
        long a = teams.insert(team("W1", "C1")).id();
        long b = teams.insert(team("W1", "C2")).id();
        long otherWorkspace = teams.insert(team("W2", "C1")).id();
        var members = new JdbcMemberRepository(jdbc);
        members.save(member(a, "U1"));
        members.save(member(b, "U1").withRole(Role.LEADER));
        members.save(member(otherWorkspace, "U1"));
        members.save(member(a, "U2"));

        assertThat(members.membershipsOf(Platform.SLACK, "W1", "U1"))
                .containsExactly(member(a, "U1"), member(b, "U1").withRole(Role.LEADER));
        assertThat(members.membershipsOf(Platform.TEAMS, "W1", "U1")).isEmpty();
        assertThat(members.membershipsOf(Platform.SLACK, "W1", "U9")).isEmpty();
    }

    @BothDatabases
    void findsTheMembershipsSavedSinceAMoment(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var members = new JdbcMemberRepository(jdbc);
        jdbc.sql("UPDATE team SET created_at = :at")
                .param("at", SqlSupport.utc(java.time.Instant.parse("2026-11-01T10:00:00Z")))
                .update();
        members.save(member(team, "U1"));
        jdbc.sql("UPDATE team_member SET joined_at = :at WHERE user_id = 'U1'")
                .param("at", SqlSupport.utc(java.time.Instant.parse("2026-11-09T10:00:00Z")))
                .update();
        members.save(member(team, "U2"));
        jdbc.sql("UPDATE team_member SET joined_at = :at WHERE user_id = 'U2'")
                .param("at", SqlSupport.utc(java.time.Instant.parse("2026-11-16T10:00:00Z")))
                .update();
        members.save(member(team, "U2").withRole(Role.LEADER));

        assertThat(members.joinedSince(team, java.time.Instant.parse("2026-11-16T00:00:00Z")))
                .as("saving again keeps when someone joined")
                .containsExactly(member(team, "U2").withRole(Role.LEADER));
        assertThat(members.joinedSince(team, java.time.Instant.parse("2026-11-01T00:00:00Z")))
                .extracting(Member::userId)
                .containsExactly("U1", "U2");
    }

    @BothDatabases
    void someoneAddedAfterTheSetupCountsTowardsTheThresholdFromTheWeekAfterTheyJoined(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var members = new JdbcMemberRepository(jdbc);
        members.save(member(team, "UFIRST"));
        members.save(member(team, "ULATER"));
        // The team was set up a day ago; the first roster came with it, the other one joined today.
        jdbc.sql("UPDATE team SET created_at = :at")
                .param("at", java.time.OffsetDateTime.now().minusDays(1))
                .update();
        jdbc.sql("UPDATE team_member SET joined_at = :at WHERE user_id = 'UFIRST'")
                .param("at", java.time.OffsetDateTime.now().minusDays(1).plusMinutes(1))
                .update();
        java.time.Instant thisWeek = java.time.Instant.now().minus(java.time.Duration.ofHours(2));
        java.time.Instant nextWeek = java.time.Instant.now().plus(java.time.Duration.ofDays(3));

        assertThat(members.countsTowardThreshold(team, "UFIRST", thisWeek)).isTrue();
        assertThat(members.countsTowardThreshold(team, "ULATER", thisWeek)).isFalse();
        assertThat(members.countsTowardThreshold(team, "ULATER", nextWeek)).isTrue();
        assertThat(members.countsTowardThreshold(team, "UNOBODY", nextWeek)).isFalse();
        assertThat(members.joinedSince(team, java.time.Instant.now().minus(java.time.Duration.ofDays(2))))
                .extracting(Member::userId)
                .containsExactly("ULATER");
    }
}
