package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.jdbc;
import static app.trustpulse.persistence.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcTeamRepositoryTest {

    @BothDatabases
    void insertsAndFindsATeamWithItsWholeSchedule(TestDb db) {
        var teams = new JdbcTeamRepository(jdbc(db));

        Team stored = teams.insert(team("W1", "C1"));

        assertThat(stored.id()).isPositive();
        assertThat(teams.find(stored.id())).contains(stored);
        assertThat(teams.find(stored.id() + 1)).isEmpty();
    }

    @BothDatabases
    void updatesEveryField(TestDb db) {
        var teams = new JdbcTeamRepository(jdbc(db));
        Team stored = teams.insert(team("W1", "C1"));

        Team changed = stored.withSchedule(stored.schedule()
                        .withCheckIns(EnumSet.of(DayOfWeek.TUESDAY), LocalTime.of(8, 15))
                        .withSummary(DayOfWeek.THURSDAY, LocalTime.of(17, 45))
                        .withNudges(Set.of(), LocalTime.of(11, 0))
                        .withReminder(Optional.empty()))
                .withTimezone(ZoneId.of("America/New_York"))
                .withLanguage(Language.EN)
                .withThreshold(5)
                .withPaused(true);
        teams.update(changed);

        Team found = teams.find(stored.id()).orElseThrow();
        assertThat(found).isEqualTo(changed);
        assertThat(found.schedule().nudgeDays()).isEmpty();
        assertThat(found.schedule().reminderDelay()).isEmpty();
    }

    @BothDatabases
    void keepsTheReminderDelayInMinutes(TestDb db) {
        var teams = new JdbcTeamRepository(jdbc(db));
        Team t = team("W1", "C1");
        Team stored = teams.insert(t.withSchedule(t.schedule().withReminder(Optional.of(Duration.ofMinutes(90)))));

        assertThat(teams.find(stored.id()).orElseThrow().schedule().reminderDelay())
                .contains(Duration.ofMinutes(90));
    }

    @BothDatabases
    void findsByChannelAndByWorkspace(TestDb db) {
        var teams = new JdbcTeamRepository(jdbc(db));
        Team a = teams.insert(team("W1", "C1"));
        Team b = teams.insert(team("W1", "C2"));
        Team other = teams.insert(team("W2", "C1"));
        Team t = team("W1", "C1");
        Team teamsPlatform = teams.insert(new Team(
                0,
                Platform.TEAMS,
                "W1",
                "C1",
                "On Teams",
                t.timezone(),
                t.language(),
                t.threshold(),
                t.schedule(),
                false));

        assertThat(teams.findByChannel(Platform.SLACK, "W1", "C1")).contains(a);
        assertThat(teams.findByChannel(Platform.TEAMS, "W1", "C1")).contains(teamsPlatform);
        assertThat(teams.findByChannel(Platform.SLACK, "W1", "C9")).isEmpty();
        assertThat(teams.findByWorkspace(Platform.SLACK, "W1")).containsExactly(a, b);
        assertThat(teams.all()).containsExactly(a, b, other, teamsPlatform);
    }

    @BothDatabases
    void refusesASecondTeamOnTheSameChannel(TestDb db) {
        var teams = new JdbcTeamRepository(jdbc(db));
        teams.insert(team("W1", "C1"));

        assertThatThrownBy(() -> teams.insert(team("W1", "C1"))).isInstanceOf(DuplicateKeyException.class);
        assertThat(teams.all()).hasSize(1);
    }

    @BothDatabases
    void theDatabaseRefusesAThresholdBelowThree(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long id = new JdbcTeamRepository(jdbc).insert(team("W1", "C1")).id();

        assertThatThrownBy(() -> jdbc.sql("UPDATE team SET threshold = 2 WHERE id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
