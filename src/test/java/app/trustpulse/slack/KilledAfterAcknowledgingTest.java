package app.trustpulse.slack;

import static app.trustpulse.slack.ChildInstance.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Slow;
import app.trustpulse.slack.ChildInstance.Database;
import app.trustpulse.slack.ChildInstance.Db;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The service killed with SIGKILL right after acknowledging a burst of direct messages, then started again on the same
 * database, once on the embedded H2 default and once on PostgreSQL: every acknowledged message is answered, once.
 * Apart from {@link KillNineTest} so the two can run side by side.
 */
@Slow
class KilledAfterAcknowledgingTest {

    static final String TEAM = "T0KILL";

    private final List<ChildInstance> instances = new ArrayList<>();
    private FakeSlack slack;

    @TempDir
    Path directory;

    @AfterEach
    void stop() throws Exception {
        for (ChildInstance i : instances) {
            i.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    private ChildInstance start(String name, Database db) throws Exception {
        ChildInstance i = ChildInstance.start(name, db, slack);
        instances.add(i);
        return i;
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void acknowledgedDirectMessagesAreAllAnsweredAfterAKillAndARestart(Db kind) throws Exception {
        // 20 people, so users.info (Tier 4, paced by the SDK) takes seconds; each sends many messages, whose replies
        // are paced per conversation at the fake's pace (see ChildInstance). Fewer on H2, which writes each commit to
        // its file before it acknowledges: enough to have lost some with commits written late.
        int people = 20;
        int each = kind == Db.H2 ? 100 : 250;
        slack = new FakeSlack().token(ChildInstance.TOKEN, TEAM);
        List<String> users = IntStream.range(0, people)
                .mapToObj(i -> String.format("UD%04d", i))
                .toList();
        users.forEach(u -> slack.user(u, "Person " + u, "Europe/Amsterdam", false));
        Database db = kind.in(directory);
        ChildInstance first = start("first", db);
        SlackClientSim client = first.slack(TEAM);

        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        for (int n = 0; n < each; n++) {
            for (String u : users) {
                String eventId = "Ev" + u + "x" + n;
                sent.add(pool.submit(() -> {
                    HttpResponse<String> r =
                            client.postJson(client.event(eventId, SlackClientSim.imMessage(u, "D" + u, "status")));
                    if (r.statusCode() == 200) {
                        acknowledged.incrementAndGet();
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        first.kill();
        assertThat(acknowledged.get()).isEqualTo(people * each);
        long answeredBeforeKill =
                users.stream().mapToLong(u -> slack.posted("D" + u).size()).sum();

        start("second", db);
        await(() -> users.stream().allMatch(u -> slack.posted("D" + u).size() >= each), Duration.ofSeconds(240));
        Thread.sleep(2000);
        assertThat(users)
                .allSatisfy(u -> assertThat(slack.posted("D" + u)).as(u).hasSize(each));
        assertThat(answeredBeforeKill).isLessThan((long) people * each);
    }
}
