package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.Platform;
import app.trustpulse.support.InMemoryProcessedEvents;
import app.trustpulse.work.DeliveryAttempts;
import com.google.gson.Gson;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * A queued /pulse command whose run meets a passing database failure (no connection within the pool's timeout, a
 * lock conflict) is not answered with an apology: the failure goes back to the durable queue, which runs the command
 * again, and the person gets the one real answer of that run. Only a failure that will not pass, or one that keeps
 * coming for longer than the retry window, is answered with "something went wrong".
 */
class SlackCommandDatabaseFailureTest {

    static final String KEY = "slack:command:T1:abc";
    static final String GENERIC = "Something went wrong on my side. Please try again in a minute.";

    private final ChatInbox inbox = mock(ChatInbox.class);
    private final SlackPeople people = mock(SlackPeople.class);
    private final SlackResponses responses = mock(SlackResponses.class);
    private final DeliveryAttempts attempts = mock(DeliveryAttempts.class);
    private final SlackRequestCheck check = mock(SlackRequestCheck.class);
    /** The tries the queue made, as {@link DeliveryAttempts} records them: the first one's time per id. */
    private final ConcurrentMap<String, Instant> tried = new ConcurrentHashMap<>();

    private final java.util.Set<String> delivered = ConcurrentHashMap.newKeySet();
    private Instant now = Instant.parse("2025-03-03T09:00:00Z");
    private SlackRequests requests;

    @BeforeEach
    void setUp() {
        when(check.problem(any())).thenReturn(Optional.empty());
        when(people.sender("T1", "UADMIN")).thenReturn(new Sender(Platform.SLACK, "T1", "UADMIN", "Ada", true));
        when(attempts.firstTry(anyString(), any()))
                .thenAnswer(i -> tried.putIfAbsent(i.getArgument(0), i.getArgument(1)) == null);
        when(attempts.firstTriedAt(anyString()))
                .thenAnswer(i -> Optional.ofNullable(tried.get(i.<String>getArgument(0))));
        org.mockito.Mockito.doAnswer(i -> delivered.add(i.getArgument(0)))
                .when(attempts)
                .delivered(anyString(), any());
        when(attempts.wasDelivered(anyString())).thenAnswer(i -> delivered.contains(i.<String>getArgument(0)));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        requests = new SlackRequests(
                () -> inbox,
                people,
                mock(SlackOutbox.class),
                mock(SlackCalls.class),
                mock(BlockKit.class),
                new SlackTexts(),
                responses,
                attempts,
                check,
                mock(SlackConnection.class),
                new EventWorkOnce(InMemoryProcessedEvents::new, clock),
                clock);
    }

    @Test
    void aSendNowThatCannotGetAConnectionOnceIsRetriedAndAnsweredOnceWithoutAnApology() {
        when(inbox.command(any()))
                .thenThrow(new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException(
                                "HikariPool-1 - Connection is not available, request timed out")));
        when(inbox.commandAgain(any())).thenReturn(ChatMessage.text("Sent 30 check-ins."));

        // The queue's first run: the failure goes back to the queue, and nobody is told anything yet.
        assertThatThrownBy(this::runQueued).isInstanceOf(CannotGetJdbcConnectionException.class);
        verify(responses, never()).answer(any(), any(), any(), anyBoolean(), any(), any());

        // The queue's retry runs it as a command tried before (whose send-now finishes its own round) and answers.
        now = now.plusSeconds(5);
        runQueued();
        verify(inbox, times(1)).command(any());
        verify(inbox, times(1)).commandAgain(any());
        assertThat(answers()).containsExactly("Sent 30 check-ins.");
    }

    @Test
    void aLockConflictIsRetriedToo() {
        when(inbox.command(any())).thenThrow(new CannotAcquireLockException("could not serialize access"));
        when(inbox.commandAgain(any())).thenReturn(ChatMessage.text("Done."));

        assertThatThrownBy(this::runQueued).isInstanceOf(CannotAcquireLockException.class);
        runQueued();
        assertThat(answers()).containsExactly("Done.");
    }

    @Test
    void aFailureThatWillNotPassIsAnsweredOnceWithAnApologyAndNotRetried() {
        when(inbox.command(any())).thenThrow(new IllegalStateException("a bug"));

        runQueued();
        assertThat(answers()).containsExactly(GENERIC);
    }

    @Test
    void aDatabaseFailureThatOutlastsTheRetryWindowIsAnsweredWithAnApology() {
        when(inbox.command(any())).thenThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));
        when(inbox.commandAgain(any()))
                .thenThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));

        assertThatThrownBy(this::runQueued).isInstanceOf(CannotGetJdbcConnectionException.class);
        now = now.plus(SlackRequests.TRANSIENT_RETRY_WINDOW).minusSeconds(1);
        assertThatThrownBy(this::runQueued).isInstanceOf(CannotGetJdbcConnectionException.class);
        verify(responses, never()).answer(any(), any(), any(), anyBoolean(), any(), any());

        now = now.plus(Duration.ofSeconds(2));
        runQueued();
        assertThat(answers()).containsExactly(GENERIC);
    }

    @Test
    void aCommandRunAgainAfterItWasAnsweredIsNotAnsweredTwice() {
        // The instance that answered died, or was taken for dead, before the queue knew the command was done.
        when(inbox.command(any())).thenReturn(ChatMessage.text("Sent 30 check-ins."));
        when(inbox.commandAgain(any())).thenReturn(ChatMessage.text("The send-now is being finished."));

        runQueued();
        runQueued();
        verify(inbox, times(1)).commandAgain(any());
        assertThat(answers()).containsExactly("Sent 30 check-ins.");
    }

    /** One run of the queued command, as the durable queue makes it: same key, same data, every time. */
    private void runQueued() {
        SlackRequest r = new SlackRequest(
                SlackRequest.Type.COMMAND,
                "T1",
                "UADMIN",
                "C1",
                "send-now",
                "https://hooks.example/send-now",
                null,
                null,
                null,
                false);
        requests.run(KEY, new Gson().toJson(r));
    }

    private java.util.List<String> answers() {
        ArgumentCaptor<ChatMessage> answer = ArgumentCaptor.forClass(ChatMessage.class);
        verify(responses, org.mockito.Mockito.atLeast(0))
                .answer(
                        eq("T1"),
                        eq("UADMIN"),
                        eq("https://hooks.example/send-now"),
                        eq(true),
                        answer.capture(),
                        eq(SlackOutbox.answerTo(KEY)));
        return answer.getAllValues().stream().map(BlockKit::text).toList();
    }
}
