package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ProcessedEvents;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Platform;
import app.trustpulse.support.InMemoryProcessedEvents;
import app.trustpulse.support.MovableClock;
import app.trustpulse.work.DeliveryAttempts;
import com.google.gson.Gson;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The work of an event acknowledged without a mark at the door is done once however often Slack delivered the event:
 * a redelivery queued after the first work was done finds the event marked and does nothing; a run that failed leaves
 * no mark, so the queue's next try does the work; work queued under the keys of events marked at the door runs as it
 * always did.
 */
class EventWorkOnceTest {

    private static final String DM = new Gson()
            .toJson(new SlackRequest(
                    SlackRequest.Type.DIRECT_MESSAGE, "T1", "UMEM", "D1", "4", null, null, null, null, false));

    private final ChatInbox inbox = mock(ChatInbox.class);
    private final SlackPeople people = mock(SlackPeople.class);
    private final SlackOutbox outbox = mock(SlackOutbox.class);
    private final SlackRequestCheck check = mock(SlackRequestCheck.class);
    private final InMemoryProcessedEvents processed = new InMemoryProcessedEvents();
    private final MovableClock clock = new MovableClock(Instant.parse("2025-03-03T09:00:00Z"));
    private SlackRequests requests;

    @BeforeEach
    void setUp() {
        when(check.problem(any())).thenReturn(Optional.empty());
        when(people.sender("T1", "UMEM")).thenReturn(new Sender(Platform.SLACK, "T1", "UMEM", "Mem", false));
        when(inbox.directMessage(any(), eq("4"))).thenReturn(ChatMessage.text("Noted: 4."));
        requests = requests(new EventWorkOnce(() -> processed, clock));
    }

    private SlackRequests requests(EventWorkOnce once) {
        return new SlackRequests(
                () -> inbox,
                people,
                outbox,
                mock(SlackCalls.class),
                mock(BlockKit.class),
                new SlackTexts(),
                mock(SlackResponses.class),
                mock(DeliveryAttempts.class),
                check,
                mock(SlackConnection.class),
                once,
                clock);
    }

    @Test
    void aRedeliveryQueuedAfterTheWorkWasDoneDoesNothing() {
        requests.run(EventWorkOnce.key("Ev1"), DM);
        requests.run(EventWorkOnce.key("Ev1"), DM);

        verify(inbox, times(1)).directMessage(any(), eq("4"));
        // answered under the id the event's work always had, so a reply is recognised whichever way it was queued
        verify(outbox, times(1)).post("T1", "D1", ChatMessage.text("Noted: 4."), SlackOutbox.answerTo("event:Ev1"));
        assertThat(processed.seen("slack:event:Ev1")).isTrue();
    }

    @Test
    void aRunThatFailsLeavesNoMarkAndTheNextTryDoesTheWork() {
        when(inbox.directMessage(any(), eq("4")))
                .thenThrow(new IllegalStateException("the database is away"))
                .thenReturn(ChatMessage.text("Noted: 4."));

        assertThatThrownBy(() -> requests.run(EventWorkOnce.key("Ev2"), DM)).hasMessageContaining("away");
        assertThat(processed.seen("slack:event:Ev2")).isFalse();
        requests.run(EventWorkOnce.key("Ev2"), DM);

        verify(outbox, times(1)).post(any(), any(), any(), any());
        assertThat(processed.seen("slack:event:Ev2")).isTrue();
    }

    @Test
    void workDoneButNotMarkedIsNotFailedForTheQueueToDoAgain() {
        ProcessedEvents unreachable = mock(ProcessedEvents.class);
        when(unreachable.firstTime(any(), any())).thenThrow(new IllegalStateException("the database went away"));
        SlackRequests withoutMarks = requests(new EventWorkOnce(() -> unreachable, clock));

        withoutMarks.run(EventWorkOnce.key("Ev5"), DM);

        verify(outbox, times(1)).post(any(), any(), any(), any());
        verify(unreachable).firstTime(eq("slack:event:Ev5"), any());
    }

    @Test
    void workQueuedUnderAnEventMarkedAtTheDoorRunsThoughItsEventIsMarked() {
        processed.firstTime("slack:event:Ev3", clock.instant());

        requests.run("event:Ev3", DM);

        verify(inbox, times(1)).directMessage(any(), eq("4"));
    }

    @Test
    void anEventMarkedAtTheDoorByAnotherInstanceIsNotWorkedOnAgainWhenRedeliveredHere() {
        // acknowledged with a mark by an instance of the earlier kind, which queued its work under "event:Ev4"
        processed.firstTime("slack:event:Ev4", clock.instant());

        requests.run(EventWorkOnce.key("Ev4"), DM);

        verify(inbox, times(0)).directMessage(any(), any());
    }
}
