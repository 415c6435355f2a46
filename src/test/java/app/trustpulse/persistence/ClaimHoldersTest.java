package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.WEEK;
import static app.trustpulse.persistence.Fixtures.insertTeam;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static app.trustpulse.persistence.Fixtures.transactions;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.CheckIn.Status;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Leases;
import app.trustpulse.pulse.Liveness;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.StatementRef;
import app.trustpulse.pulse.WeekStepRepository.Step;
import app.trustpulse.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A claim lives as long as the instance that holds it: another instance takes it back as soon as the holder's
 * heartbeat is older than the dead-after time, without waiting for the claim timeout; never while the holder beats,
 * and never within the dead-after time of its taking. The same for check-ins, reminders, welcomes, week steps and the
 * send-now lease.
 */
class ClaimHoldersTest {

    private static final Duration DEAD_AFTER = Duration.ofSeconds(20);
    /** The claim timeout: far longer than anything here, so it never decides. */
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    /** Two instances on one database, each with its own name, judged by the same clock. */
    private record Instance(String name) implements Liveness {
        @Override
        public String instance() {
            return name;
        }

        @Override
        public Duration deadAfter() {
            return DEAD_AFTER;
        }

        @Override
        public Instant deadBefore() {
            return Instant.now().minus(DEAD_AFTER);
        }
    }

    private static final Instance A = new Instance("instance-a");
    private static final Instance B = new Instance("instance-b");

    private static void beat(JdbcClient jdbc, Instance i, Instant at) {
        jdbc.sql("DELETE FROM live_instance WHERE name = :name")
                .param("name", i.name())
                .update();
        jdbc.sql("INSERT INTO live_instance (name, beat_at) VALUES (:name, :at)")
                .param("name", i.name())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Claims as A a minute ago, then tries as B: while A beats, after A stopped beating 5 s after its claim, and once
     * A's row is gone. {@code claim} claims as the given instance at the given moment.
     */
    private static void takenBackOnlyOnceTheHolderDied(
            JdbcClient jdbc, Function<Instance, Function<Instant, Boolean>> claim) {
        Instant now = Instant.now();
        Instant claimedAt = now.minus(Duration.ofMinutes(1));
        beat(jdbc, A, claimedAt);
        assertThat(claim.apply(A).apply(claimedAt)).as("A's claim").isTrue();

        beat(jdbc, A, now.minusSeconds(1));
        assertThat(claim.apply(B).apply(now)).as("B while A beats").isFalse();

        beat(jdbc, A, claimedAt.plusSeconds(5));
        assertThat(claim.apply(B).apply(now))
                .as("B once A's last beat is 55 s old")
                .isTrue();
        assertThat(claim.apply(A).apply(now))
                .as("A, its claim taken, while B beats")
                .isFalse();
    }

    private static void neverTakenBackWithinTheDeadAfterTimeOfItsTaking(
            JdbcClient jdbc, Function<Instance, Function<Instant, Boolean>> claim) {
        Instant now = Instant.now();
        jdbc.sql("DELETE FROM live_instance").update();
        assertThat(claim.apply(A).apply(now.minusSeconds(5)))
                .as("A's claim, A not beating yet")
                .isTrue();
        assertThat(claim.apply(B).apply(now)).as("B, 5 s after A's claim").isFalse();
    }

    private static CheckIn checkIn(long teamId, String userId) {
        return new CheckIn(
                0,
                teamId,
                userId,
                WEEK,
                0,
                Role.MEMBER,
                List.of(StatementRef.current(Dimension.FREEDOM, Role.MEMBER, 2)),
                Status.SCHEDULED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @BothDatabases
    void aCheckInOfADeadInstanceIsTakenBackAtOnceAndOneOfALiveInstanceIsNot(TestDb db) {
        DataSource ds = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(ds);
        long team = insertTeam(jdbc, "C1");
        long id = new JdbcCheckInRepository(jdbc, TestDatabases.SEALER, A, transactions(ds))
                .createIfAbsent(checkIn(team, "U1"), Instant.now())
                .id();
        long other = new JdbcCheckInRepository(jdbc, TestDatabases.SEALER, A, transactions(ds))
                .createIfAbsent(checkIn(team, "U2"), Instant.now())
                .id();

        takenBackOnlyOnceTheHolderDied(
                jdbc,
                i -> at -> new JdbcCheckInRepository(jdbc, TestDatabases.SEALER, i, transactions(ds))
                        .claimForSending(id, at, at.minus(TIMEOUT))
                        .isPresent());
        neverTakenBackWithinTheDeadAfterTimeOfItsTaking(
                jdbc,
                i -> at -> new JdbcCheckInRepository(jdbc, TestDatabases.SEALER, i, transactions(ds))
                        .claimForSending(other, at, at.minus(TIMEOUT))
                        .isPresent());
    }

    @BothDatabases
    void aReminderOfADeadInstanceIsTakenBackAtOnce(TestDb db) {
        DataSource ds = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(ds);
        long team = insertTeam(jdbc, "C1");
        var checkIns = new JdbcCheckInRepository(jdbc, TestDatabases.SEALER, A, transactions(ds));
        long id = checkIns.createIfAbsent(checkIn(team, "U1"), Instant.now()).id();
        checkIns.markSent(id, Instant.now(), "ref");

        takenBackOnlyOnceTheHolderDied(
                jdbc,
                i -> at -> new JdbcCheckInRepository(jdbc, TestDatabases.SEALER, i, transactions(ds))
                        .claimReminder(id, at, at.minus(TIMEOUT))
                        .isPresent());
    }

    @BothDatabases
    void aWelcomeOfADeadInstanceIsTakenBackAtOnce(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        new JdbcMemberRepository(jdbc, A)
                .save(new Member(team, "U1", "Ann", Role.MEMBER, Optional.empty(), false, false));

        takenBackOnlyOnceTheHolderDied(
                jdbc,
                i -> at -> new JdbcMemberRepository(jdbc, i)
                        .claimWelcome(team, "U1", at, at.minus(TIMEOUT))
                        .isPresent());
    }

    @BothDatabases
    void aWeekStepOfADeadInstanceIsTakenBackAtOnce(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        new JdbcWeekStepRepository(jdbc, A).plan(team, WEEK, Step.PULSE, "");

        takenBackOnlyOnceTheHolderDied(
                jdbc,
                i -> at -> new JdbcWeekStepRepository(jdbc, i)
                        .claim(team, WEEK, Step.PULSE, "", at, at.minus(TIMEOUT))
                        .isPresent());
    }

    @BothDatabases
    void aSendNowLeaseOfADeadInstanceIsTakenOverAtOnce(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        takenBackOnlyOnceTheHolderDied(
                jdbc,
                i -> at -> new JdbcLeases(jdbc, i).acquire("send-now:1", "round-of-" + i.name(), at, at.plus(TIMEOUT))
                        != Leases.Acquired.BUSY);
    }
}
