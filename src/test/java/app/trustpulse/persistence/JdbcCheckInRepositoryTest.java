package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.NOW;
import static app.trustpulse.persistence.Fixtures.WEEK;
import static app.trustpulse.persistence.Fixtures.concurrently;
import static app.trustpulse.persistence.Fixtures.count;
import static app.trustpulse.persistence.Fixtures.insertTeam;
import static app.trustpulse.persistence.Fixtures.jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.CheckIn.Status;
import app.trustpulse.pulse.DeliveryClaim;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Liveness;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.StatementRef;
import app.trustpulse.support.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class JdbcCheckInRepositoryTest {

    private static final List<StatementRef> STATEMENTS = List.of(
            StatementRef.current(Dimension.FREEDOM, Role.MEMBER, 2),
            StatementRef.current(Dimension.SAFETY, Role.MEMBER, 1));

    private static CheckIn checkIn(long teamId, String userId, int slot) {
        return new CheckIn(
                0,
                teamId,
                userId,
                WEEK,
                slot,
                Role.MEMBER,
                STATEMENTS,
                Status.SCHEDULED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** A different plan for the same person, week and slot 0, as a second sender might make it. */
    private static CheckIn otherPlanFor(long teamId, String userId) {
        return new CheckIn(
                0,
                teamId,
                userId,
                WEEK,
                0,
                Role.LEADER,
                List.of(StatementRef.current(Dimension.VISION, Role.LEADER, 3)),
                Status.SCHEDULED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @BothDatabases
    void createsACheckInOnceAndReturnsTheStoredOneAfterwards(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var checkIns = new JdbcCheckInRepository(jdbc, TestDatabases.SEALER);

        CheckIn first = checkIns.createIfAbsent(checkIn(team, "U1", 0), NOW);
        CheckIn again = checkIns.createIfAbsent(otherPlanFor(team, "U1"), NOW);
        CheckIn otherSlot = checkIns.createIfAbsent(checkIn(team, "U1", 1), NOW);

        assertThat(first.id()).isPositive();
        assertThat(first)
                .isEqualTo(new CheckIn(
                        first.id(),
                        team,
                        "U1",
                        WEEK,
                        0,
                        Role.MEMBER,
                        STATEMENTS,
                        Status.SCHEDULED,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        assertThat(again).isEqualTo(first);
        assertThat(otherSlot.id()).isNotEqualTo(first.id());
        assertThat(checkIns.find(first.id())).contains(first);
        assertThat(count(jdbc, "check_in")).isEqualTo(2);
    }

    @BothDatabases
    void twoInstancesCreatingTheSameCheckInStoreOneRow(TestDb db) throws Exception {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var checkIns = new JdbcCheckInRepository(jdbc, TestDatabases.SEALER);

        List<CheckIn> results = concurrently(8, () -> checkIns.createIfAbsent(checkIn(team, "U1", 0), NOW));

        assertThat(results).extracting(CheckIn::id).containsOnly(results.get(0).id());
        assertThat(count(jdbc, "check_in")).isEqualTo(1);
    }

    @BothDatabases
    void aRoundIsStoredAtOnceLeavingCheckInsAlreadyPlannedAsTheyWere(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var checkIns = new JdbcCheckInRepository(jdbc, TestDatabases.SEALER);
        CheckIn planned = checkIns.createIfAbsent(checkIn(team, "U0", 0), NOW);
        checkIns.markSent(planned.id(), NOW, "ref");
        // More than one statement's worth of rows, and the person planned before is in the middle of them.
        List<CheckIn> round = IntStream.range(0, 1_203)
                .mapToObj(i -> i == 600 ? otherPlanFor(team, "U0") : checkIn(team, "U" + (i + 1), 0))
                .toList();

        checkIns.createAllIfAbsent(round, NOW);
        checkIns.createAllIfAbsent(round.subList(0, 10), NOW);

        List<CheckIn> stored = checkIns.ofWeek(team, WEEK);
        assertThat(stored).hasSize(1_203);
        assertThat(stored)
                .filteredOn(c -> c.userId().equals("U0"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.id()).isEqualTo(planned.id());
                    assertThat(c.audience()).isEqualTo(Role.MEMBER);
                    assertThat(c.status()).isEqualTo(Status.SENT);
                });
        assertThat(stored).filteredOn(c -> !c.userId().equals("U0")).allSatisfy(c -> {
            assertThat(c.statements()).isEqualTo(STATEMENTS);
            assertThat(c.status()).isEqualTo(Status.SCHEDULED);
            assertThat(c.sentAt()).isEmpty();
        });
        assertThat(checkIns.createIfAbsent(checkIn(team, "U1203", 0), NOW)).isIn(stored);
    }

    @BothDatabases
    void sendsThatEndTogetherAreEachMarkedWithTheirOwnTimeAndMessage(TestDb db) throws Exception {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var checkIns = new JdbcCheckInRepository(jdbc, TestDatabases.SEALER);
        List<CheckIn> planned = plannedRound(checkIns, team, 40);
        CheckIn answeredBefore = planned.get(7);
        jdbc.sql("UPDATE check_in SET status = 'ANSWERED' WHERE id = :id")
                .param("id", answeredBefore.id())
                .update();
        AtomicInteger next = new AtomicInteger();

        concurrently(planned.size(), () -> {
            CheckIn c = planned.get(next.getAndIncrement());
            checkIns.markSent(c.id(), NOW.plusSeconds(c.id()), "ref-" + c.userId());
            return c;
        });

        for (CheckIn c : checkIns.ofWeek(team, WEEK)) {
            assertThat(c.sentAt()).as(c.userId()).contains(NOW.plusSeconds(c.id()));
            assertThat(c.messageRef()).as(c.userId()).contains("ref-" + c.userId());
            assertThat(c.status())
                    .as(c.userId())
                    .isEqualTo(c.id() == answeredBefore.id() ? Status.ANSWERED : Status.SENT);
        }
    }

    @BothDatabases
    void aDuplicateInsideATransactionLeavesTheTransactionUsable(TestDb db) {
        DataSource ds = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(ds);
        long team = insertTeam(jdbc, "C1");
        var checkIns = new JdbcCheckInRepository(jdbc, TestDatabases.SEALER);
        var tx = new TransactionTemplate(new DataSourceTransactionManager(ds));

        long stored = tx.execute(status -> {
            CheckIn first = checkIns.createIfAbsent(checkIn(team, "U1", 0), NOW);
            CheckIn again = checkIns.createIfAbsent(checkIn(team, "U1", 0), NOW);
            assertThat(again.id()).isEqualTo(first.id());
            return checkIns.createIfAbsent(checkIn(team, "U1", 1), NOW).id();
        });

        assertThat(checkIns.find(stored)).isPresent();
        assertThat(count(jdbc, "check_in")).isEqualTo(2);
    }

    @BothDatabases
    void onlyOneDeliveryClaimsACheckIn(TestDb db) throws Exception {
        DataSource ds = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(ds);
        long team = insertTeam(jdbc, "C1");
        var checkIns = claimingTogether(ds);
        long id = checkIns.createIfAbsent(checkIn(team, "U1", 0), NOW).id();

        List<Boolean> claims = concurrently(8, () -> claim(checkIns, id));

        assertThat(claims).containsOnlyOnce(true);
        assertThat(claim(checkIns, id)).isFalse();
        assertThat(checkIns.find(id).orElseThrow().status()).isEqualTo(Status.SENDING);
    }

    @BothDatabases
    void sendersClaimingARoundTogetherWinEachCheckInOnceWithTheDeliveryIdTheyWereGiven(TestDb db) throws Exception {
        DataSource ds = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(ds);
        long team = insertTeam(jdbc, "C1");
        // Two instances, each with its own senders, claiming the same 60 check-ins in opposite orders.
        JdbcCheckInRepository one = claimingTogether(ds);
        JdbcCheckInRepository other = claimingTogether(ds);
        List<Long> ids = plannedRound(one, team, 60).stream().map(CheckIn::id).toList();
        AtomicInteger next = new AtomicInteger();
        Map<Long, String> won = new ConcurrentHashMap<>();

        List<Integer> wins = concurrently(32, () -> {
            int sender = next.getAndIncrement();
            JdbcCheckInRepository instance = sender % 2 == 0 ? one : other;
            List<Long> order = new ArrayList<>(ids);
            if (sender % 2 == 1) {
                Collections.reverse(order);
            }
            int mine = 0;
            for (long id : order) {
                Optional<DeliveryClaim> claim = instance.claimForSending(id, Instant.now(), Instant.EPOCH);
                if (claim.isPresent()) {
                    mine++;
                    assertThat(won.put(id, claim.get().deliveryId()))
                            .as("check-in %d won twice", id)
                            .isNull();
                }
            }
            return mine;
        });

        assertThat(wins.stream().mapToInt(Integer::intValue).sum()).isEqualTo(60);
        for (long id : ids) {
            String stored = jdbc.sql("SELECT delivery_id FROM check_in WHERE id = :id AND status = 'SENDING'")
                    .param("id", id)
                    .query(String.class)
                    .single();
            assertThat(stored).as("check-in %d", id).isEqualTo(won.get(id));
        }
    }

    @BothDatabases
    void remindersSentTogetherAreEachMarkedAndOneNeverClaimedStaysUnmarked(TestDb db) throws Exception {
        DataSource ds = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(ds);
        long team = insertTeam(jdbc, "C1");
        var checkIns = claimingTogether(ds);
        List<CheckIn> planned = plannedRound(checkIns, team, 30);
        planned.forEach(c -> checkIns.markSent(c.id(), NOW, "ref-" + c.id()));
        Instant at = NOW.plus(Duration.ofHours(4));
        long neverClaimed = planned.get(0).id();
        AtomicInteger next = new AtomicInteger();

        concurrently(planned.size(), () -> {
            long id = planned.get(next.getAndIncrement()).id();
            if (id != neverClaimed) {
                assertThat(checkIns.claimReminder(id, at, NOW)).isPresent();
            }
            checkIns.markReminderSent(id);
            return id;
        });

        for (CheckIn c : planned) {
            boolean sent = jdbc.sql("SELECT reminder_sent FROM check_in WHERE id = :id")
                    .param("id", c.id())
                    .query(Boolean.class)
                    .single();
            assertThat(sent).as(c.userId()).isEqualTo(c.id() != neverClaimed);
            assertThat(checkIns.reminderPending(c.id())).as(c.userId()).isFalse();
        }
    }

    @BothDatabases
    void aReleasedClaimCanBeClaimedAgainButASentCheckInCannot(TestDb db) {
        DataSource ds = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(ds);
        long team = insertTeam(jdbc, "C1");
        var checkIns = claimingTogether(ds);
        long id = checkIns.createIfAbsent(checkIn(team, "U1", 0), NOW).id();

        assertThat(claim(checkIns, id)).isTrue();
        checkIns.releaseClaim(id);
        assertThat(checkIns.find(id).orElseThrow().status()).isEqualTo(Status.SCHEDULED);
        assertThat(claim(checkIns, id)).isTrue();
        checkIns.markSent(id, NOW, "ref-1");
        checkIns.releaseClaim(id);

        CheckIn sent = checkIns.find(id).orElseThrow();
        assertThat(sent.status()).isEqualTo(Status.SENT);
        assertThat(sent.sentAt()).contains(NOW);
        assertThat(sent.messageRef()).contains("ref-1");
        assertThat(claim(checkIns, id)).isFalse();
    }

    @BothDatabases
    void onlyOneSenderClaimsAReminderAndASentOneIsNeverClaimedAgain(TestDb db) throws Exception {
        DataSource ds = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(ds);
        long team = insertTeam(jdbc, "C1");
        var checkIns = claimingTogether(ds);
        long id = checkIns.createIfAbsent(checkIn(team, "U1", 0), NOW).id();
        checkIns.markSent(id, NOW, "ref");
        Instant at = NOW.plus(Duration.ofHours(4));

        List<Boolean> claims =
                concurrently(4, () -> checkIns.claimReminder(id, at, NOW).isPresent());

        assertThat(claims).containsOnlyOnce(true);
        assertThat(checkIns.find(id).orElseThrow().remindedAt()).contains(at);
        checkIns.markReminderSent(id);
        Instant muchLater = at.plus(Duration.ofDays(1));
        assertThat(checkIns.claimReminder(id, muchLater, muchLater))
                .as("sent reminders stay sent")
                .isEmpty();
    }

    @BothDatabases
    void aStaleReminderClaimIsTakenBackWithItsDeliveryIdAndAFreshOneIsNot(TestDb db) {
        DataSource ds = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(ds);
        long team = insertTeam(jdbc, "C1");
        var checkIns = claimingTogether(ds);
        long id = checkIns.createIfAbsent(checkIn(team, "U1", 0), NOW).id();
        checkIns.markSent(id, NOW, "ref");
        Instant at = NOW.plus(Duration.ofHours(4));

        DeliveryClaim first =
                checkIns.claimReminder(id, at, at.minus(Duration.ofMinutes(5))).orElseThrow();
        assertThat(first.triedBefore()).isFalse();
        Instant soon = at.plus(Duration.ofMinutes(1));
        assertThat(checkIns.claimReminder(id, soon, soon.minus(Duration.ofMinutes(5))))
                .as("claim still fresh")
                .isEmpty();

        Instant late = at.plus(Duration.ofMinutes(10));
        DeliveryClaim again = checkIns.claimReminder(id, late, late.minus(Duration.ofMinutes(5)))
                .orElseThrow();
        assertThat(again.deliveryId()).isEqualTo(first.deliveryId());
        assertThat(again.triedBefore()).isTrue();
    }

    @BothDatabases
    void aReleasedReminderCanBeClaimedAgainButNotOnceTheCheckInIsAnswered(TestDb db) {
        DataSource ds = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(ds);
        long team = insertTeam(jdbc, "C1");
        var checkIns = claimingTogether(ds);
        long id = checkIns.createIfAbsent(checkIn(team, "U1", 0), NOW).id();
        assertThat(checkIns.claimReminder(id, NOW, NOW)).as("not sent yet").isEmpty();
        checkIns.markSent(id, NOW, "ref");

        DeliveryClaim claim = checkIns.claimReminder(id, NOW, NOW).orElseThrow();
        checkIns.releaseReminder(id);
        assertThat(checkIns.find(id).orElseThrow().remindedAt()).isEmpty();
        assertThat(checkIns.claimReminder(id, NOW, NOW)).hasValueSatisfying(c -> {
            assertThat(c.deliveryId()).isEqualTo(claim.deliveryId());
            assertThat(c.triedBefore()).isTrue();
        });
    }

    @BothDatabases
    void expiresTheWeeksSentButUnansweredCheckIns(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var checkIns = new JdbcCheckInRepository(jdbc, TestDatabases.SEALER);
        long sent = checkIns.createIfAbsent(checkIn(team, "U1", 0), NOW).id();
        long answered = checkIns.createIfAbsent(checkIn(team, "U2", 0), NOW).id();
        long scheduled = checkIns.createIfAbsent(checkIn(team, "U3", 0), NOW).id();
        long nextWeek = checkIns.createIfAbsent(
                        new CheckIn(
                                0,
                                team,
                                "U1",
                                WEEK.plus(1),
                                0,
                                Role.MEMBER,
                                STATEMENTS,
                                Status.SCHEDULED,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        NOW)
                .id();
        for (long id : List.of(sent, answered, nextWeek)) {
            checkIns.markSent(id, NOW, "ref-" + id);
        }
        // A check-in answered under an earlier version kept that state.
        jdbc.sql("UPDATE check_in SET status = 'ANSWERED' WHERE id = :id")
                .param("id", answered)
                .update();

        assertThat(checkIns.expireOpen(team, WEEK)).isEqualTo(1);

        assertThat(checkIns.find(sent).orElseThrow().status()).isEqualTo(Status.EXPIRED);
        assertThat(checkIns.find(answered).orElseThrow().status()).isEqualTo(Status.ANSWERED);
        assertThat(checkIns.find(scheduled).orElseThrow().status()).isEqualTo(Status.SCHEDULED);
        assertThat(checkIns.find(nextWeek).orElseThrow().status()).isEqualTo(Status.SENT);
    }

    @BothDatabases
    void countsTheDifferentPeopleAskedPerAudience(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        var checkIns = new JdbcCheckInRepository(jdbc, TestDatabases.SEALER);
        for (int slot = 0; slot < 3; slot++) {
            checkIns.markSent(
                    checkIns.createIfAbsent(checkIn(team, "U1", slot), NOW).id(), NOW, "r");
        }
        checkIns.markSent(checkIns.createIfAbsent(checkIn(team, "U2", 0), NOW).id(), NOW, "r");
        checkIns.createIfAbsent(checkIn(team, "U3", 0), NOW);
        checkIns.markSent(
                checkIns.createIfAbsent(
                                new CheckIn(
                                        0,
                                        team,
                                        "L1",
                                        WEEK,
                                        0,
                                        Role.LEADER,
                                        STATEMENTS,
                                        Status.SCHEDULED,
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty()),
                                NOW)
                        .id(),
                NOW,
                "r");

        assertThat(checkIns.countAsked(team, WEEK, Role.MEMBER)).isEqualTo(2);
        assertThat(checkIns.countAsked(team, WEEK, Role.LEADER)).isEqualTo(1);
        assertThat(checkIns.countAsked(team, WEEK.plus(1), Role.MEMBER)).isZero();
    }

    @BothDatabases
    void listsByWeekByUserAndMostRecentFirst(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long otherTeam = insertTeam(jdbc, "C2");
        long thirdTeam = insertTeam(jdbc, "C3");
        var checkIns = new JdbcCheckInRepository(jdbc, TestDatabases.SEALER);
        long monday = checkIns.createIfAbsent(checkIn(team, "U1", 0), NOW).id();
        long wednesday = checkIns.createIfAbsent(checkIn(team, "U1", 1), NOW).id();
        long elsewhere =
                checkIns.createIfAbsent(checkIn(otherTeam, "U1", 0), NOW).id();
        long notCounted =
                checkIns.createIfAbsent(checkIn(thirdTeam, "U1", 0), NOW).id();
        long unsent = checkIns.createIfAbsent(checkIn(team, "U1", 2), NOW).id();
        long someoneElse = checkIns.createIfAbsent(checkIn(team, "U2", 0), NOW).id();
        checkIns.markSent(monday, NOW, "r");
        checkIns.markSent(wednesday, NOW.plus(Duration.ofDays(2)), "r");
        checkIns.markSent(elsewhere, NOW.plus(Duration.ofDays(1)), "r");
        checkIns.markSent(notCounted, NOW.plus(Duration.ofDays(3)), "r");
        checkIns.markSent(someoneElse, NOW.plus(Duration.ofDays(4)), "r");

        assertThat(checkIns.recentOf(List.of(team, otherTeam), "U1", 10))
                .extracting(CheckIn::id)
                .containsExactly(wednesday, elsewhere, monday);
        assertThat(checkIns.recentOf(List.of(team, otherTeam), "U1", 2))
                .extracting(CheckIn::id)
                .containsExactly(wednesday, elsewhere);
        assertThat(checkIns.recentOf(List.of(), "U1", 10)).isEmpty();
        assertThat(checkIns.ofUser(team, "U1", WEEK))
                .extracting(CheckIn::id)
                .containsExactly(monday, wednesday, unsent);
        assertThat(checkIns.ofWeek(team, WEEK))
                .extracting(CheckIn::id)
                .containsExactlyInAnyOrder(monday, wednesday, unsent, someoneElse);
        assertThat(checkIns.ofWeek(team, WEEK.plus(1))).isEmpty();
    }

    @BothDatabases
    void deletesAUsersCheckInsInOneTeam(TestDb db) {
        JdbcClient jdbc = jdbc(db);
        long team = insertTeam(jdbc, "C1");
        long otherTeam = insertTeam(jdbc, "C2");
        var checkIns = new JdbcCheckInRepository(jdbc, TestDatabases.SEALER);
        checkIns.createIfAbsent(checkIn(team, "U1", 0), NOW);
        checkIns.createIfAbsent(checkIn(team, "U1", 1), NOW);
        checkIns.createIfAbsent(checkIn(team, "U2", 0), NOW);
        checkIns.createIfAbsent(checkIn(otherTeam, "U1", 0), NOW);

        assertThat(checkIns.deleteOfUser(team, "U1")).isEqualTo(2);

        assertThat(checkIns.ofWeek(team, WEEK)).extracting(CheckIn::userId).containsExactly("U2");
        assertThat(checkIns.ofWeek(otherTeam, WEEK)).hasSize(1);
    }

    /** Claims a scheduled check-in as a sender would now; false when another delivery holds or finished it. */
    /** A round's check-ins for people U0, U1, … of the team, planned at once, as stored. */
    private static List<CheckIn> plannedRound(JdbcCheckInRepository checkIns, long team, int people) {
        checkIns.createAllIfAbsent(
                IntStream.range(0, people)
                        .mapToObj(i -> checkIn(team, "U" + i, 0))
                        .toList(),
                NOW);
        return checkIns.ofWeek(team, WEEK);
    }

    /** The repository as the service builds it: the claims of senders that claim together in one transaction. */
    private static JdbcCheckInRepository claimingTogether(DataSource ds) {
        return new JdbcCheckInRepository(
                JdbcClient.create(ds), TestDatabases.SEALER, Liveness.alone(), Fixtures.transactions(ds));
    }

    private static boolean claim(JdbcCheckInRepository checkIns, long id) {
        return checkIns.claimForSending(id, Instant.now(), Instant.EPOCH).isPresent();
    }
}
