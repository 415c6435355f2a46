package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.trustpulse.support.MovableClock;
import app.trustpulse.support.TestDatabases;
import com.slack.api.methods.Methods;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the Slack adapter keeps in memory about people and conversations is bounded in time: a DM channel, a lookup of a
 * person and a conversation's next reply moment go some time after their last use, so the memory holds the people
 * written to lately and not everyone ever written to.
 */
class SlackMemoryBoundsTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @Test
    void aDmChannelIsHeldTenMinutesAfterItsLastUseAndThenReadFromTheTableAgain() {
        DataSource ds = TestDatabases.h2();
        SlackIms ims = new SlackIms(
                JdbcClient.create(ds), new TransactionTemplate(new JdbcTransactionManager(ds)), null, now::get);
        for (int i = 0; i < 1000; i++) {
            ims.remember("T1", "U" + i, "D" + i);
        }
        assertThat(ims.inMemory()).isEqualTo(1000);

        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(ims.postTarget("T1", "U7")).isEqualTo("D7");
        now.addAndGet(Duration.ofMinutes(6).toNanos());
        ims.remember("T1", "UNEW", "DNEW");

        assertThat(ims.inMemory())
                .as("U7, used five minutes ago, and the new one")
                .isEqualTo(2);
        assertThat(ims.postTarget("T1", "U5")).as("from the table").isEqualTo("D5");
        assertThat(ims.inMemory()).isEqualTo(3);
        assertThat(ims.postTarget("T1", "UNKNOWN")).isEqualTo("UNKNOWN");
    }

    @Test
    void lookupsOfPeopleOlderThanAMinuteAreLetGoWhenTheNextIsMade() {
        SlackCalls calls = mock(SlackCalls.class);
        when(calls.call(eq("T1"), eq(Methods.USERS_INFO), any(), any())).thenAnswer(call -> {
            UsersInfoResponse r = new UsersInfoResponse();
            User u = new User();
            u.setId("U" + now.get());
            u.setName("someone");
            r.setOk(true);
            r.setUser(u);
            return r;
        });
        SlackPeople people = new SlackPeople(calls, now::get);
        for (int i = 0; i < 500; i++) {
            people.person("T1", "U" + i);
        }
        assertThat(people.held()).isEqualTo(500);

        now.addAndGet(Duration.ofSeconds(61).toNanos());
        people.person("T1", "ULATER");

        assertThat(people.held()).isEqualTo(1);
    }

    @Test
    void aConversationWhoseReplyMomentPassedIsLetGoWithinAMinute() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-23T09:00:00Z"));
        ConversationPacer pacer = new ConversationPacer(Duration.ofMillis(1100), clock);
        for (int i = 0; i < 1000; i++) {
            pacer.reserve("T1", "D" + i);
        }
        assertThat(pacer.reserve("T1", "D7")).isEqualTo(clock.instant().plusMillis(1100));
        assertThat(pacer.held()).isEqualTo(1000);

        clock.move(Duration.ofSeconds(61));
        assertThat(pacer.reserve("T1", "D8")).isEqualTo(clock.instant());

        assertThat(pacer.held()).isEqualTo(1);
    }
}
