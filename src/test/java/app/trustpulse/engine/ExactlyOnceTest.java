package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.inbound.CommandRequest;
import app.trustpulse.inbound.Sender;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.summary.ClosingWeeks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * However the same work is started twice at once, it happens once: no check-in slot goes out twice to a
 * person, and a week's pulse is posted once.
 */
class ExactlyOnceTest extends EngineTest {

    @Autowired
    ClosingWeeks closing;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @RepeatedTest(3)
    void twoSendNowsAtOnceNeverSendTheSameSlotTwice() throws Exception {
        Ws ws = new Ws().setUp(6);

        for (int round = 0; round < 3; round++) {
            List<ChatMessage> replies = twice(() -> ws.command(ws.admin, "send-now"));
            assertThat(replies).allSatisfy(r -> assertThat(r.summary()).doesNotContain("could not be delivered"));
            assertEverySlotSentOnce(ws);
        }
        twice(() -> ws.command(ws.admin, "send-now"));

        assertEverySlotSentOnce(ws);
        for (Sender s : ws.everyone()) {
            assertThat(ws.checkInsTo(s))
                    .as("all three of %s's check-ins, each once", s.userId())
                    .hasSize(3);
        }
    }

    @RepeatedTest(3)
    void twoClosesAtOncePostOnePulseAndOneDigest() throws Exception {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        ws.dm(ws.member(1), "4 3 5 2 4 5");
        ws.dm(ws.member(2), "4 3 5 2 4 5");
        ws.dm(ws.member(3), "4 3 5 2 4 5");
        ws.clear();
        long teamId = ws.team().id();

        List<ClosingWeeks.Outcome> outcomes = twice(() -> closing.closeNow(teamId));
        // A digest step that met the pulse still going out on the other thread is tried again a moment later.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (ws.digests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        settle();

        assertThat(outcomes)
                .containsExactlyInAnyOrder(ClosingWeeks.Outcome.CLOSED, ClosingWeeks.Outcome.ALREADY_CLOSED);
        assertThat(ws.posts()).hasSize(1);
        assertThat(ws.digests()).hasSize(1);
        assertThat(pulses.find(teamId, ws.week()))
                .hasValueSatisfying(p -> assertThat(p.answered()).isEqualTo(3));
    }

    @Test
    void twoCloseWeekCommandsAtOnceCloseTheWeekOnce() throws Exception {
        Ws ws = new Ws().setUp(3);
        ws.command(ws.admin, "send-now");
        ws.clear();

        List<ChatMessage> replies = twice(() -> ws.command(ws.admin, "close-week"));

        // One of them closed the week. Its answer is what was true when it answered: the digest may still have been
        // going out on the other command's thread, and then it says so rather than claim it was sent.
        List<String> summaries = replies.stream().map(ChatMessage::summary).toList();
        // What was still going out when each answered depends on the two threads' timing: only the opening words,
        // before the pulse's and the digests' state, say who closed the week.
        String pending = opening(en("closeWeek.pending", "\u0000", 0, 1));
        String alreadyPending = opening(en("closeWeek.alreadyPending", "\u0000", 0, 1));
        assertThat(summaries)
                .filteredOn(s -> s.equals(en("closeWeek.done")) || s.startsWith(pending))
                .as("one closed the week: %s", summaries)
                .hasSize(1);
        assertThat(summaries)
                .filteredOn(s -> s.equals(en("closeWeek.already")) || s.startsWith(alreadyPending))
                .as("the other found it closed: %s", summaries)
                .hasSize(1);
        assertThat(ws.posts()).hasSize(1);
        assertThat(ws.digests()).hasSize(1);
        assertThat(checkIns.ofWeek(ws.team().id(), ws.week()))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckIn.Status.EXPIRED));
    }

    @Test
    void aSendNowRunAgainAfterACrashSendsItsRoundOnceWhereverItsFirstRunStopped() {
        Ws ws = new Ws().setUp(4);
        CommandRequest first =
                new CommandRequest(ws.admin, Optional.of(ws.channel), "send-now").withRequestKey("re-first");

        // The first run sent its round and died before it answered: run again, it sends no second round.
        inbox.command(first);
        assertThat(inbox.commandAgain(first).summary()).isEqualTo(en("sendNow.resumed"));
        assertThat(ws.everyone())
                .allSatisfy(s -> assertThat(ws.checkInsTo(s)).as(s.userId()).hasSize(1));

        // The first run of another died before it planned anything (the run again is all there is): it sends its round.
        CommandRequest second =
                new CommandRequest(ws.admin, Optional.of(ws.channel), "send-now").withRequestKey("re-second");
        assertThat(inbox.commandAgain(second).summary())
                .isEqualTo(en("sendNow.done", ws.everyone().size(), 0, 0));
        assertThat(inbox.commandAgain(second).summary()).isEqualTo(en("sendNow.resumed"));
        assertThat(ws.everyone())
                .allSatisfy(s -> assertThat(ws.checkInsTo(s)).as(s.userId()).hasSize(2));
        assertEverySlotSentOnce(ws);
    }

    /** Each person's check-ins: as many direct messages as stored sent check-ins, no slot twice. */
    private void assertEverySlotSentOnce(Ws ws) {
        long teamId = ws.team().id();
        for (Sender s : ws.everyone()) {
            List<Long> sentIds =
                    ws.checkInsTo(s).stream().map(d -> checkInId(d.message())).toList();
            assertThat(sentIds).as("%s got no check-in twice", s.userId()).doesNotHaveDuplicates();
            List<CheckIn> stored = checkIns.ofUser(teamId, s.userId(), ws.week());
            assertThat(stored).extracting(CheckIn::slot).doesNotHaveDuplicates();
            assertThat(stored).allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckIn.Status.SENT));
            assertThat(sentIds)
                    .containsExactlyInAnyOrderElementsOf(
                            stored.stream().map(CheckIn::id).collect(Collectors.toList()));
        }
    }

    /** Runs the work on two threads released at the same moment, and returns both results. */
    private <T> List<T> twice(Callable<T> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            futures.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return work.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    /** A text up to where its first argument (given as a NUL character) was put in. */
    private static String opening(String withMarker) {
        return withMarker.substring(0, withMarker.indexOf('\u0000'));
    }
}
