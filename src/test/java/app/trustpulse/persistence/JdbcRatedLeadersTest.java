package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.WEEK;
import static app.trustpulse.persistence.Fixtures.insertTeam;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.pulse.RatedLeaderRepository.Named;
import app.trustpulse.pulse.RatedLeaderRepository.PinnedWeek;
import app.trustpulse.pulse.RatedLeaderRepository.TrustInLeaderWeek;
import app.trustpulse.pulse.Sealer;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.support.TestDatabases;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcRatedLeadersTest {

    private static final Named ANN = new Named("UA", "Ann");
    private static final Named BOB = new Named("UB", "Bob");

    @BothDatabases
    void aWeekIsPinnedOnceTheFirstLeaderStands(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var store = new JdbcRatedLeaders(jdbc, TestDatabases.SEALER);

        PinnedWeek first = store.pin(team, WEEK, Optional.of(ANN));
        PinnedWeek again = store.pin(team, WEEK, Optional.of(BOB));
        PinnedWeek none = store.pin(team, WEEK.plus(1), Optional.empty());

        assertThat(first.leader()).contains(ANN);
        assertThat(again.leader()).contains(ANN);
        assertThat(store.pinned(team, WEEK)).contains(first);
        assertThat(none.leader()).isEmpty();
        assertThat(store.pinned(team, WEEK.plus(2))).isEmpty();
    }

    @BothDatabases
    void keepsTheAdminsChoiceAndForgetsALeader(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var store = new JdbcRatedLeaders(jdbc, TestDatabases.SEALER);
        store.choose(team, "UA");
        store.choose(team, "UB");
        store.pin(team, WEEK, Optional.of(BOB));

        assertThat(store.choice(team)).contains("UB");

        store.forget(team, "UB");

        assertThat(store.choice(team)).isEmpty();
        assertThat(store.pinned(team, WEEK))
                .hasValueSatisfying(p -> assertThat(p.leader()).isEmpty());
    }

    @BothDatabases
    void keepsAWeeksTrustInTheLeaderOnceWithTheLeaderItNamed(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var store = new JdbcRatedLeaders(jdbc, TestDatabases.SEALER);
        store.pin(team, WEEK, Optional.of(ANN));
        store.saveTrustInLeader(team, WEEK, 11, 3, 2, List.of("a", "b", "c"));
        store.saveTrustInLeader(team, WEEK, 99, 9, 9, List.of("a"));
        store.saveTrustInLeader(team, WEEK.plus(1), 4, 1, 1, List.of("d"));

        assertThat(store.trustInLeader(team, WEEK, WEEK.plus(3)))
                .containsExactly(
                        new TrustInLeaderWeek(WEEK, Optional.of(ANN), 11, 3, 2, true),
                        new TrustInLeaderWeek(WEEK.plus(1), Optional.empty(), 4, 1, 1, true));
        assertThat(store.trustInLeader(team, WEEK.plus(1), WEEK.plus(1))).hasSize(1);
    }

    @BothDatabases
    void keepsTheGiversOfEachBlockApart(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var store = new JdbcRatedLeaders(jdbc, TestDatabases.SEALER);
        WeekId block = TrustInLeaderPool.blockStart(WEEK);
        store.saveTrustInLeader(team, block, 7, 2, 2, List.of("a", "b"));
        store.saveTrustInLeader(team, block.plus(1), 3, 1, 1, List.of("c"));
        store.saveTrustInLeader(team, block.plus(4), 3, 1, 1, List.of("a"));

        assertThat(store.poolGivers(team, block)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(store.poolGivers(team, block.plus(4))).containsExactly("a");

        assertThat(store.forgetPoolGiversBefore(team, block.plus(4))).isEqualTo(3);
        assertThat(store.poolGivers(team, block)).isEmpty();
        assertThat(store.poolGivers(team, block.plus(4))).containsExactly("a");
    }

    @BothDatabases
    void aWeekStoredWithoutItsGiversMarkIsReadAsUnchecked(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var store = new JdbcRatedLeaders(jdbc, TestDatabases.SEALER);
        // As a week closed before givers were kept apart stored it.
        jdbc.sql("INSERT INTO trust_in_leader_week (team_id, week, sealed) VALUES (:team, :week, :sealed)")
                .param("team", team)
                .param("week", WEEK.toString())
                .param("sealed", TestDatabases.SEALER.seal("8|2|2", "trust_in_leader|" + team + "|" + WEEK, 64))
                .update();

        assertThat(store.trustInLeader(team, WEEK, WEEK))
                .containsExactly(new TrustInLeaderWeek(WEEK, Optional.empty(), 8, 2, 2, false));
    }

    @BothDatabases
    void aWeeksTrustInTheLeaderIsSealedAndOpensOnlyInItsOwnRow(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var store = new JdbcRatedLeaders(jdbc, TestDatabases.SEALER);
        // One person's score alone: what an insider must not read.
        store.saveTrustInLeader(team, WEEK, 2, 1, 1, List.of("a"));

        String stored = jdbc.sql("SELECT sealed FROM trust_in_leader_week WHERE team_id = :team")
                .param("team", team)
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("2|1|1");

        jdbc.sql("UPDATE trust_in_leader_week SET week = :week WHERE team_id = :team")
                .param("week", WEEK.plus(1).toString())
                .param("team", team)
                .update();
        assertThatThrownBy(() -> store.trustInLeader(team, WEEK, WEEK.plus(3))).isInstanceOf(Sealer.Unreadable.class);
    }
}
