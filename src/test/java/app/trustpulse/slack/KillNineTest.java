package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.support.TestDatabases;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service killed with SIGKILL in the middle of its work, then started again on the same PostgreSQL: nothing that
 * was acknowledged or begun is lost, and nothing goes out twice.
 */
class KillNineTest {

    static final String TEAM = "T0KILL";
    static final String CHANNEL = "C0TEAM";
    static final List<String> LEADERS = List.of("UL1", "UL2", "UL3");
    static final List<String> MEMBERS = IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("UM%02d", i)).toList();

    private final List<ChildInstance> instances = new ArrayList<>();
    private FakeSlack slack;

    @AfterEach
    void stop() throws Exception {
        for (ChildInstance i : instances) {
            i.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    private ChildInstance start(String name, String db) throws Exception {
        ChildInstance i = ChildInstance.start(name, db, slack);
        instances.add(i);
        return i;
    }

    @Test
    void killedMidRoundAndMidWeekCloseEveryoneGetsOneCheckInThePulseGoesOutOnceAndEachDigestOnce() throws Exception {
        slack = new FakeSlack().token(ChildInstance.TOKEN, TEAM).user("UADMIN", "Ada", "Europe/Amsterdam", true);
        List<String> everyone = new ArrayList<>(LEADERS);
        everyone.addAll(MEMBERS);
        everyone.forEach(u -> slack.user(u, "Person " + u, "Europe/Amsterdam", false));
        List<String> inChannel = new ArrayList<>(everyone);
        inChannel.add("UADMIN");
        slack.channel(CHANNEL, inChannel.toArray(String[]::new));
        String db = TestDatabases.postgresUrl();

        ChildInstance first = start("first", db);
        command(first, "setup <@UL1|ul1>", "setup");
        command(first, "leader <@UL2|ul2>", "leader2");
        command(first, "leader <@UL3|ul3>", "leader3");
        // The admin is in the channel but no member of the team.
        command(first, "remove <@UADMIN|ada>", "remove");

        // A slow Slack: the round takes seconds, and the instance dies in the middle of it.
        slack.delay("chat.postMessage", 150);
        first.slack(TEAM).postForm(first.slack(TEAM).slashCommand("UADMIN", CHANNEL, "send-now", slack.hookUrl("send-now")));
        await(() -> checkIns().values().stream().mapToLong(Long::longValue).sum() >= 4, Duration.ofSeconds(60));
        first.kill();
        long beforeRestart = checkIns().values().stream().mapToLong(Long::longValue).sum();
        assertThat(beforeRestart).isLessThan(everyone.size());

        ChildInstance second = start("second", db);
        await(() -> checkIns().keySet().containsAll(everyone), Duration.ofSeconds(90));
        Thread.sleep(2000);
        assertThat(checkIns()).as("check-ins per person; to UL1: %s", slack.posted("DUL1").stream()
                        .map(p -> p.params().get("text") + " " + p.params().get("metadata")).toList())
                .containsOnlyKeys(everyone.toArray(String[]::new))
                .allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));

        // The week close dies after the pulse and the first digest.
        slack.delay("chat.postMessage", 700);
        second.slack(TEAM).postForm(second.slack(TEAM).slashCommand("UADMIN", CHANNEL, "close-week", slack.hookUrl("close")));
        await(() -> digests().values().stream().mapToLong(Long::longValue).sum() >= 1, Duration.ofSeconds(60));
        second.kill();
        assertThat(pulses()).isEqualTo(1);
        assertThat(digests().size()).isLessThan(LEADERS.size());

        slack.delay("chat.postMessage", 0);
        start("third", db);
        await(() -> digests().keySet().containsAll(LEADERS), Duration.ofSeconds(90));
        Thread.sleep(3000);
        assertThat(pulses()).as("pulse posts").isEqualTo(1);
        assertThat(digests()).as("digests per leader").containsOnlyKeys(LEADERS.toArray(String[]::new))
                .allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));
        assertThat(checkIns()).allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));
    }

    @Test
    void acknowledgedDirectMessagesAreAllAnsweredAfterAKillAndARestart() throws Exception {
        // 20 people, so users.info (Tier 4, paced by the SDK) takes seconds; 250 messages each, their replies paced
        // per conversation at the fake's pace (see ChildInstance).
        int people = 20;
        int each = 250;
        slack = new FakeSlack().token(ChildInstance.TOKEN, TEAM);
        List<String> users = IntStream.range(0, people).mapToObj(i -> String.format("UD%04d", i)).toList();
        users.forEach(u -> slack.user(u, "Person " + u, "Europe/Amsterdam", false));
        String db = TestDatabases.postgresUrl();
        ChildInstance first = start("first", db);
        SlackClientSim client = first.slack(TEAM);

        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        for (int n = 0; n < each; n++) {
            for (String u : users) {
                String eventId = "Ev" + u + "x" + n;
                sent.add(pool.submit(() -> {
                    HttpResponse<String> r = client.postJson(client.event(eventId,
                            SlackClientSim.imMessage(u, "D" + u, "status")));
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
        long answeredBeforeKill = users.stream().mapToLong(u -> slack.posted("D" + u).size()).sum();

        start("second", db);
        await(() -> users.stream().allMatch(u -> slack.posted("D" + u).size() >= each), Duration.ofSeconds(240));
        Thread.sleep(2000);
        assertThat(users).allSatisfy(u -> assertThat(slack.posted("D" + u)).as(u).hasSize(each));
        assertThat(answeredBeforeKill).isLessThan((long) people * each);
    }

    private void command(ChildInstance i, String text, String hook) throws Exception {
        SlackClientSim c = i.slack(TEAM);
        assertThat(c.postForm(c.slashCommand("UADMIN", CHANNEL, text, slack.hookUrl(hook))).statusCode()).isEqualTo(200);
        slack.awaitHook("/" + hook);
    }

    /** Check-ins per person that landed: messages with answer buttons in each person's DM. */
    private Map<String, Long> checkIns() {
        return slack.checkInsPerPerson(java.util.stream.Stream.concat(LEADERS.stream(), MEMBERS.stream()).toList());
    }

    private Map<String, Long> digests() {
        return slack.digestsPerLeader(LEADERS);
    }

    private long pulses() {
        return slack.pulsesIn(CHANNEL);
    }

    private static void await(BooleanSupplier condition, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + max);
            }
            Thread.sleep(20);
        }
    }
}
