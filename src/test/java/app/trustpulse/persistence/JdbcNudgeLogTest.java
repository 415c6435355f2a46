package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.NOW;
import static app.trustpulse.persistence.Fixtures.WEEK;
import static app.trustpulse.persistence.Fixtures.insertTeam;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.nudge.NudgeReason;
import app.trustpulse.nudge.SentNudge;
import app.trustpulse.nudge.SentNudge.Occasion;
import app.trustpulse.nudge.SentNudge.Reaction;
import app.trustpulse.pulse.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcNudgeLogTest {

    private static SentNudge nudge(long teamId, String leaderId, String nudgeId, Instant at) {
        return new SentNudge(
                0,
                teamId,
                leaderId,
                nudgeId,
                Optional.of(Dimension.TRUST),
                NudgeReason.WEAKEST,
                WEEK,
                Occasion.DIGEST,
                at,
                Optional.empty());
    }

    @BothDatabases
    void recordsAndFindsANudge(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var log = new JdbcNudgeLog(jdbc);
        SentNudge disruption = new SentNudge(
                0,
                team,
                "L1",
                "disruption-1",
                Optional.empty(),
                NudgeReason.DROP,
                WEEK,
                Occasion.MIDWEEK,
                NOW,
                Optional.empty());

        long id = log.record(disruption);
        long other = log.record(nudge(team, "L1", "trust-2", NOW));

        assertThat(id).isPositive().isNotEqualTo(other);
        assertThat(log.find(id))
                .contains(new SentNudge(
                        id,
                        team,
                        "L1",
                        "disruption-1",
                        Optional.empty(),
                        NudgeReason.DROP,
                        WEEK,
                        Occasion.MIDWEEK,
                        NOW,
                        Optional.empty()));
        assertThat(log.find(other + 100)).isEmpty();
    }

    @BothDatabases
    void listsALeadersNudgesSinceAMoment(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long otherTeam = insertTeam(jdbc, "C2");
        var log = new JdbcNudgeLog(jdbc);
        Instant sixWeeksAgo = NOW.minus(Duration.ofDays(42));
        log.record(nudge(team, "L1", "too-old", sixWeeksAgo.minusSeconds(1)));
        long atCutoff = log.record(nudge(team, "L1", "at-cutoff", sixWeeksAgo));
        long recent = log.record(nudge(team, "L1", "recent", NOW));
        log.record(nudge(team, "L2", "other-leader", NOW));
        log.record(nudge(otherTeam, "L1", "other-team", NOW));

        assertThat(log.ofLeader(team, "L1", sixWeeksAgo))
                .extracting(SentNudge::id)
                .containsExactly(atCutoff, recent);
        assertThat(log.ofLeader(team, "L1", sixWeeksAgo))
                .extracting(SentNudge::nudgeId)
                .containsExactly("at-cutoff", "recent");
    }

    @BothDatabases
    void onlyItsLeaderReactsToANudge(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var log = new JdbcNudgeLog(jdbc);
        long id = log.record(nudge(team, "L1", "trust-1", NOW));

        assertThat(log.react(id, "L2", Reaction.TRIED, NOW)).isFalse();
        assertThat(log.find(id).orElseThrow().reaction()).isEmpty();
        assertThat(log.react(id, "L1", Reaction.NOT_YET, NOW)).isTrue();
        assertThat(log.find(id).orElseThrow().reaction()).contains(Reaction.NOT_YET);
        assertThat(log.react(id, "L1", Reaction.TRIED, NOW.plusSeconds(3600))).isTrue();
        assertThat(log.find(id).orElseThrow().reaction()).contains(Reaction.TRIED);
        assertThat(log.react(id + 1, "L1", Reaction.TRIED, NOW)).isFalse();
    }

    @BothDatabases
    void forgetsTheNudgesOfOneLeaderInOneTeam(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long otherTeam = insertTeam(jdbc, "C2");
        var log = new JdbcNudgeLog(jdbc);
        log.record(nudge(team, "L1", "trust-1", NOW));
        log.record(nudge(team, "L1", "trust-2", NOW));
        long kept = log.record(nudge(team, "L2", "trust-1", NOW));
        long elsewhere = log.record(nudge(otherTeam, "L1", "trust-1", NOW));

        assertThat(log.deleteOfLeader(team, "L1")).isEqualTo(2);

        assertThat(log.ofLeader(team, "L1", Instant.EPOCH)).isEmpty();
        assertThat(log.find(kept)).isPresent();
        assertThat(log.find(elsewhere)).isPresent();
    }
}
