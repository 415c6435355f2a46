package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.chat.ChatDeliveryException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ResourceResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Calls to the Bot Connector, retried the way Teams asks: 429, 412, 502 and 504 with growing, jittered waits. */
class RetryingTest {

    private final FakeBotConnector connector = start();
    private final List<Duration> waits = new ArrayList<>();
    private final TeamsSettings settings = new TeamsSettings(
            false, null, "http://127.0.0.1:9/", 4, Duration.ofMillis(100), Duration.ofSeconds(2), 1.0, 1);
    private final Retrying retrying = new Retrying(
            new SendPacer(Clock.systemUTC(), d -> {}),
            waits::add,
            settings,
            app.trustpulse.pulse.PulseMetrics.NONE,
            Clock.systemUTC());
    private final Connector clients = new Connector(new TestBotCredentials("test-app-id"), 8);

    @AfterEach
    void stop() {
        connector.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 412, 502, 504})
    void aTransientAnswerIsRetriedAndTheMessageIsPostedOnce(int status) {
        connector.failNext(2, status);

        ResourceResponse response = send("hello");

        assertThat(response.getId()).startsWith("msg-");
        assertThat(connector.rejectedCount()).isEqualTo(2);
        assertThat(connector.posted()).extracting(FakeBotConnector.Call::text).containsExactly("hello");
        assertThat(waits).hasSize(2);
    }

    @Test
    void aRetryAfterGivenAsSecondsOrAsADateIsWaitedOut() {
        connector.retryAfter("1");
        connector.failNext(1, 429);
        send("hello");
        // An HTTP date has whole seconds: three from the start of this one are more than two from now, however late in
        // this second the test runs (two from now, cut to the second, could be less than one when the call comes).
        connector.retryAfter(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .plusSeconds(3)));
        connector.failNext(1, 429);
        send("again");

        assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(1000), Duration.ofSeconds(2));
        assertThat(connector.posted()).extracting(FakeBotConnector.Call::text).containsExactly("hello", "again");
    }

    @Test
    void aPermanentErrorIsNotRetried() {
        connector.failNext(1, 403);

        assertThatThrownBy(() -> send("hello"))
                .isInstanceOf(ChatDeliveryException.class)
                .hasMessageContaining("HTTP 403");
        assertThat(connector.rejectedCount()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void afterTheLastAttemptTheFailureReachesTheCaller() {
        connector.failNext(10, 429);

        assertThatThrownBy(() -> send("hello"))
                .isInstanceOf(ChatDeliveryException.class)
                .hasMessageContaining("HTTP 429")
                .hasMessageContaining("4 attempt(s)");
        assertThat(connector.rejectedCount()).isEqualTo(4);
        assertThat(connector.posted()).isEmpty();
    }

    @Test
    void waitsGrowExponentiallyWithJitterUpToTheMaximum() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            long ceiling = Math.min(2000, 100L << (attempt - 1));
            for (int i = 0; i < 20; i++) {
                long wait = retrying.backoff(attempt, Optional.empty()).toMillis();
                assertThat(wait).as("attempt %d", attempt).isBetween(ceiling / 2, ceiling);
            }
        }
        assertThat(retrying.backoff(1, Optional.of(Duration.ofSeconds(1))).toMillis())
                .isGreaterThanOrEqualTo(1000);
        assertThat(retrying.backoff(1, Optional.of(Duration.ofMinutes(5))).toMillis())
                .isEqualTo(2000);
    }

    private ResourceResponse send(String text) {
        Activity activity = Activity.createMessageActivity();
        activity.setText(text);
        return retrying.call("send", "tenant", "a:chat", () -> clients.send(connector.url(), "a:chat", null, activity));
    }

    private static FakeBotConnector start() {
        try {
            return new FakeBotConnector();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
