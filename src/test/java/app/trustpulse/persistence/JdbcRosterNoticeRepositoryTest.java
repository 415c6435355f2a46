package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.NOW;
import static app.trustpulse.persistence.Fixtures.concurrently;
import static app.trustpulse.persistence.Fixtures.count;
import static app.trustpulse.persistence.Fixtures.insertTeam;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.DeliveryClaim;
import app.trustpulse.pulse.RosterNoticeRepository.Change;
import app.trustpulse.pulse.RosterNoticeRepository.Notice;
import app.trustpulse.pulse.RosterNoticeRepository.Person;
import app.trustpulse.pulse.RosterNoticeRepository.Waiting;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class JdbcRosterNoticeRepositoryTest {

    private static final Person ADA = new Person("UA", "Ada");
    private static final List<Person> TWO = List.of(new Person("U7", "Max"), new Person("U8", "Mo"));

    private static JdbcRosterNoticeRepository notices(DataSource db) {
        return new JdbcRosterNoticeRepository(
                JdbcClient.create(db), new TransactionTemplate(new DataSourceTransactionManager(db)));
    }

    private static Notice added(long team, String key, List<Person> people) {
        return new Notice(team, key, Change.ADDED, Optional.of(ADA), people, people.size(), 0, NOW);
    }

    @BothDatabases
    void aNoticeIsStoredOnceUnderItsKeyWithThePeopleInTheirOrder(TestDb database) {
        DataSource db = database.dataSource();
        JdbcClient jdbc = JdbcClient.create(db);
        long team = insertTeam(jdbc, "C1");
        long other = insertTeam(jdbc, "C2");
        var notices = notices(db);

        assertThat(notices.record(added(team, "request:r1", TWO))).isTrue();
        assertThat(notices.record(added(team, "request:r1", List.of(new Person("U9", "Someone else")))))
                .isFalse();
        assertThat(notices.record(added(other, "request:r1", TWO)))
                .as("keys are per team")
                .isTrue();
        assertThat(notices.record(new Notice(team, "request:r2", Change.LEFT, Optional.empty(), List.of(), 6, 1, NOW)))
                .isTrue();

        assertThat(notices.waiting(team, "request:r1")).contains(added(team, "request:r1", TWO));
        assertThat(notices.waiting(team, "request:r2"))
                .contains(new Notice(team, "request:r2", Change.LEFT, Optional.empty(), List.of(), 6, 1, NOW));
        assertThat(notices.waiting(team, "request:none")).isEmpty();
        assertThat(notices.waitingSince(NOW.minus(Duration.ofDays(1))))
                .containsExactlyInAnyOrder(
                        new Waiting(team, "request:r1"),
                        new Waiting(other, "request:r1"),
                        new Waiting(team, "request:r2"));
        assertThat(notices.waitingSince(NOW.plusSeconds(1))).isEmpty();
    }

    @BothDatabases
    void ofRequestsRunAtTheSameTimeOneStoresTheNotice(TestDb database) throws Exception {
        DataSource db = database.dataSource();
        JdbcClient jdbc = JdbcClient.create(db);
        long team = insertTeam(jdbc, "C1");
        var notices = notices(db);

        List<Boolean> stored = concurrently(8, () -> notices.record(added(team, "event:E1:ADDED", TWO)));

        assertThat(stored).containsOnlyOnce(true);
        assertThat(count(jdbc, "roster_notice_person")).isEqualTo(2);
    }

    @BothDatabases
    void oneSenderClaimsANoticeAndAStaleClaimIsTakenBackWithItsDeliveryId(TestDb database) {
        DataSource db = database.dataSource();
        long team = insertTeam(JdbcClient.create(db), "C1");
        var notices = notices(db);
        notices.record(added(team, "k", TWO));

        DeliveryClaim first =
                notices.claim(team, "k", NOW, NOW.minus(Duration.ofMinutes(5))).orElseThrow();
        assertThat(first.triedBefore()).isFalse();
        assertThat(notices.claim(team, "k", NOW.plusSeconds(10), NOW.minus(Duration.ofMinutes(5))))
                .as("held")
                .isEmpty();

        Optional<DeliveryClaim> takenBack =
                notices.claim(team, "k", NOW.plus(Duration.ofMinutes(10)), NOW.plusSeconds(1));
        assertThat(takenBack).contains(new DeliveryClaim(first.deliveryId(), true));

        notices.release(team, "k");
        assertThat(notices.claim(team, "k", NOW.plus(Duration.ofMinutes(11)), NOW))
                .as("released: free again, same id")
                .contains(new DeliveryClaim(first.deliveryId(), true));
    }

    @BothDatabases
    void aPostedNoticeKeepsOnlyItsKeyAndCannotBeClaimedAgain(TestDb database) {
        DataSource db = database.dataSource();
        JdbcClient jdbc = JdbcClient.create(db);
        long team = insertTeam(jdbc, "C1");
        var notices = notices(db);
        notices.record(added(team, "k", TWO));
        notices.claim(team, "k", NOW, NOW).orElseThrow();

        notices.posted(team, "k", NOW.plusSeconds(1));

        assertThat(notices.waiting(team, "k")).isEmpty();
        assertThat(notices.claim(team, "k", NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1))))
                .isEmpty();
        assertThat(notices.waitingSince(NOW.minus(Duration.ofDays(1)))).isEmpty();
        assertThat(notices.record(added(team, "k", TWO)))
                .as("the key still answers for its request")
                .isFalse();
        assertThat(count(jdbc, "roster_notice_person")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM roster_notice WHERE by_user_id IS NOT NULL OR by_name IS NOT NULL")
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
