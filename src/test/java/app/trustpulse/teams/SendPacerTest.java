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
                long inWindow = sendTimes.stream()
                        .filter(t -> t >= start && t < start + limit.window().toMillis())
                        .count();
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

    @Test
    void openingChatsAndReadingAreRequestsThatDoNotUseUpThePostsOfATenant() {
        for (int i = 0; i < 30; i++) {
            pacer.acquire(SendPacer.Kind.REQUEST, "tenant", "new-chat:" + i);
            pacer.acquire(SendPacer.Kind.POST, "tenant", "chat-" + i);
        }
        assertThat(clock.millis).as("60 calls, 30 of them posts").isEqualTo(1000L);

        SendPacer fresh = new SendPacer(clock, d -> clock.millis += d.toMillis());
        long start = clock.millis;
        for (int i = 0; i < 50; i++) {
            fresh.acquire(SendPacer.Kind.REQUEST, "tenant", "roster-" + i);
        }
        assertThat(clock.millis).isEqualTo(start);
        fresh.acquire(SendPacer.Kind.REQUEST, "tenant", "roster-50");
        assertThat(clock.millis).as("the 51st request in a second").isEqualTo(start + 1000L);
    }

    @Test
    void withAShareEachInstanceKeepsToItsPartOfEveryLimit() {
        SendPacer half = new SendPacer(clock, d -> clock.millis += d.toMillis(), 0.5);
        for (int i = 0; i < 4; i++) {
            half.acquire("tenant", "chat");
            sendTimes.add(clock.millis);
        }
        assertThat(sendTimes).containsExactly(0L, 0L, 0L, 1000L);

        long start = clock.millis;
        for (int i = 0; i < 15; i++) {
            half.acquire("another-tenant", "other-" + i);
        }
        assertThat(clock.millis).isEqualTo(start);
        half.acquire("another-tenant", "other-15");
        assertThat(clock.millis).as("the 16th post of the tenant in a second").isEqualTo(start + 1000L);
    }

    @Test
    void aCallCountsFromItsAnswerSoASlowRequestNeverCrowdsTheNextWindow() {
        List<SendPacer.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            slots.add(pacer.acquire("tenant", "chat"));
        }
        clock.millis = 300;
        slots.forEach(SendPacer.Slot::done);

        pacer.acquire("tenant", "chat");
        assertThat(clock.millis).isEqualTo(1300L);
    }

    @Test
    void repliesToABusyConversationArePlannedWithinItsLimitsAndAnotherConversationGoesAtOnce() {
        ReplyPacer replies = new ReplyPacer(SendPacer.PER_CONVERSATION, clock);
        clock.millis = 5000;
        List<Long> planned = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            planned.add(replies.reserve("tenant", "busy", 1).toEpochMilli());
        }

        assertThat(planned.subList(0, 7)).containsOnly(5000L);
        assertThat(planned).isSorted();
        for (SendPacer.Limit limit : SendPacer.PER_CONVERSATION) {
            for (long start : planned) {
                long inWindow = planned.stream()
                        .filter(t -> t >= start && t < start + limit.window().toMillis())
                        .count();
                assertThat(inWindow).as("replies in %s from %d", limit, start).isLessThanOrEqualTo(limit.count());
            }
        }
        assertThat(replies.reserve("tenant", "other", 1).toEpochMilli()).isEqualTo(5000L);
        assertThat(replies.reserve("tenant", "third", 3).toEpochMilli()).isEqualTo(5000L);
    }
}
