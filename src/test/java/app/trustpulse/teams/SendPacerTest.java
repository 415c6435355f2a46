package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendPacerTest {

    /** A clock that only moves when the pacer sleeps. */
    static final class ManualClock extends Clock {
        long millis;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final List<Long> sendTimes = new ArrayList<>();
    private final SendPacer pacer = new SendPacer(clock, d -> clock.millis += d.toMillis());

    @Test
    void aConversationGetsSevenSendsInASecondAndTheEighthWaits() {
        for (int i = 0; i < 8; i++) {
            pacer.acquire("tenant", "chat");
            sendTimes.add(clock.millis);
        }

        assertThat(sendTimes.subList(0, 7)).containsOnly(0L);
        assertThat(sendTimes.get(7)).isEqualTo(1000L);
    }

    @Test
    void noConversationEverExceedsAnyPublishedLimit() {
        for (int i = 0; i < 200; i++) {
            pacer.acquire("tenant", "chat");
            sendTimes.add(clock.millis);
        }

        for (SendPacer.Limit limit : SendPacer.PER_CONVERSATION) {
            for (long start : sendTimes) {
                long inWindow = sendTimes.stream().filter(t -> t >= start && t < start + limit.window().toMillis()).count();
                assertThat(inWindow).as("sends in %s from %d", limit, start).isLessThanOrEqualTo(limit.count());
            }
        }
        assertThat(clock.millis).isLessThan(Duration.ofMinutes(2).toMillis());
    }

    @Test
    void separateConversationsDoNotWaitForEachOtherUntilTheTenantLimit() {
        for (int i = 0; i < 30; i++) {
            pacer.acquire("tenant", "chat-" + i);
        }
        assertThat(clock.millis).isZero();

        pacer.acquire("tenant", "chat-30");
        assertThat(clock.millis).isEqualTo(1000L);

        pacer.acquire("other-tenant", "chat-31");
        assertThat(clock.millis).isEqualTo(1000L);
    }
}
