package app.trustpulse.slack;

import static app.trustpulse.slack.ChildInstance.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Slow;
import app.trustpulse.slack.ChildInstance.Database;
import app.trustpulse.slack.ChildInstance.Db;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling restart, as Kubernetes does one: two instances on one PostgreSQL and one Slack workspace, and while a
 * check-in round is going, the first is stopped with SIGTERM and a new one started in its place, then, once that one
 * is up, the second likewise. Nobody does anything by hand: every member gets exactly one check-in, and the week
 * closed afterwards through a new instance posts the pulse once and each leader's digest once.
 */
@Slow
class RollingRestartTest {

    static final String TEAM = "T0ROLL";
    static final String CHANNEL = "C0ROLL";
    static final List<String> LEADERS = List.of("UL1", "UL2");
    static final List<String> MEMBERS = IntStream.rangeClosed(1, 28)
            .mapToObj(i -> String.format("UM%02d", i))
            .toList();
    static final List<String> EVERYONE =
            Stream.concat(LEADERS.stream(), MEMBERS.stream()).toList();

    /** Each post takes Slack this long. */
    static final long POST_DELAY_MS = 200;

    /**
     * And Slack takes this many posts a minute in the workspace, answering 429 to more, however many instances send:
     * the round of 30 lasts a minute and outlasts the two restarts (each a stop of up to the 20 s shutdown wait and a
     * start of about 15 s on a busy machine).
     */
    static final int POSTS_PER_MINUTE = 30;

    private final List<ChildInstance> instances = new ArrayList<>();
    private FakeSlack slack;

    @TempDir
    Path directory;

    /** One instance; its own bot token for the same workspace tells the fake which instance made a call. */
    private record Instance(String token, ChildInstance child) {
        SlackClientSim client() {
            return child.slack(TEAM);
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (ChildInstance i : instances) {
            i.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    void twoInstancesRestartedOneAfterTheOtherDuringARoundSendEveryCheckInOnceAndCloseTheWeekOnce() throws Exception {
        long testStart = System.nanoTime();
        slack = new FakeSlack().user("UADMIN", "Ada", "Europe/Amsterdam", true);
        EVERYONE.forEach(u -> slack.user(u, "Person " + u, "Europe/Amsterdam", false));
        List<String> inChannel = new ArrayList<>(EVERYONE);
        inChannel.add("UADMIN");
        slack.channel(CHANNEL, inChannel.toArray(String[]::new));
        Database db = Db.POSTGRES.in(directory);

        CompletableFuture<Instance> startingB = CompletableFuture.supplyAsync(() -> startUnchecked("b", db));
        Instance a = start("a", db);
        Instance b = startingB.join();
        command(a, "setup <@UL1|ul1>", "setup");
        command(b, "leader <@UL2|ul2>", "leader");
        // The admin is in the channel but no member of the team.
        command(a, "remove <@UADMIN|ada>", "remove");

        // The welcomes out first, so the slow Slack holds up the round alone.
        await(() -> slack.calls("chat.postMessage").size() >= EVERYONE.size(), Duration.ofSeconds(60), "the welcomes");
        slack.delay("chat.postMessage", POST_DELAY_MS).postsPerMinute(POSTS_PER_MINUTE);
        long sendNow = System.nanoTime();
        a.client().postForm(a.client().slashCommand("UADMIN", CHANNEL, "send-now", slack.hookUrl("send-now")));
        await(() -> checkInCalls().size() >= 3, Duration.ofSeconds(60), "the round to start");

        // A first: stopped, and a new instance in its place; B only once that one is up.
        long stopping = System.nanoTime();
        long atStopA = landed();
        a.child().stop(Duration.ofSeconds(60));
        double stopA = seconds(stopping);
        Instance a2 = start("a2", db);
        long atStopB = landed();
        stopping = System.nanoTime();
        b.child().stop(Duration.ofSeconds(60));
        double stopB = seconds(stopping);
        long lastStopped = System.nanoTime();
        Instance b2 = start("b2", db);
        long restarted = System.nanoTime();
        System.out.printf(
                "RollingRestartTest: check-ins landed when A was stopped %d, when B was stopped %d, of %d; "
                        + "A took %.1f s to stop, B %.1f s; both restarted %.1f s after the send-now%n",
                atStopA, atStopB, EVERYONE.size(), stopA, stopB, (restarted - sendNow) / 1e9);

        await(() -> checkIns().keySet().containsAll(EVERYONE), Duration.ofSeconds(90), "every check-in");
        System.out.printf(
                "RollingRestartTest: every check-in out %.1f s after the send-now, %.1f s after the last " + "stop%n",
                seconds(sendNow), seconds(lastStopped));
        Thread.sleep(2000);
        assertThat(checkIns())
                .as("check-ins per person")
                .containsOnlyKeys(EVERYONE.toArray(String[]::new))
                .allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));
        assertThat(atStopB)
                .as("check-ins out when the second instance was stopped")
                .isLessThan(EVERYONE.size());
        assertThat(slack.hooks().stream().filter(h -> h.path().endsWith("/send-now")))
                .as("answers to the send-now")
                .hasSize(1);
        String answer = slack.awaitHook("/send-now").body().get("text").getAsString();
        System.out.printf("RollingRestartTest: the admin's answer to the send-now: %s%n", answer);
        assertThat(answer).as("the admin's answer to the send-now").doesNotContainIgnoringCase("could not");

        // The week closed through one of the new instances: the pulse once, each digest once.
        slack.delay("chat.postMessage", 0);
        b2.client().postForm(b2.client().slashCommand("UADMIN", CHANNEL, "close-week", slack.hookUrl("close")));
        String closed = slack.awaitHook("/close").body().get("text").getAsString();
        await(() -> digests().keySet().containsAll(LEADERS), Duration.ofSeconds(60), "every digest");
        Thread.sleep(2000);
        assertThat(closed).isEqualTo("Week closed: the pulse is in the channel and every leader has their digest.");
        assertThat(pulses()).as("pulse posts").isEqualTo(1);
        assertThat(digests())
                .as("digests per leader")
                .containsOnlyKeys(LEADERS.toArray(String[]::new))
                .allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));
        assertThat(checkIns()).allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));
        assertThat(ask(a2, "status", "status")).contains("This week: 0 of " + MEMBERS.size() + " took part");
        System.out.printf("RollingRestartTest: test ran %.1f s%n", seconds(testStart));
    }

    private Instance start(String name, Database db) throws Exception {
        String token = "xoxb-" + name;
        slack.token(token, TEAM);
        // The heartbeat settings of ChildInstance (2 s, 4 missed): a stopped instance's claims come back 8 s after it
        // stopped. Shorter, and a JVM starting on a busy machine starves the others' heartbeats so that work still
        // running is taken for dead and run twice at once.
        ChildInstance child = ChildInstance.start(name, db, slack, token, Map.of());
        synchronized (instances) {
            instances.add(child);
        }
        return new Instance(token, child);
    }

    private Instance startUnchecked(String name, Database db) {
        try {
            return start(name, db);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void command(Instance i, String text, String hook) throws Exception {
        SlackClientSim c = i.client();
        assertThat(c.postForm(c.slashCommand("UADMIN", CHANNEL, text, slack.hookUrl(hook)))
                        .statusCode())
                .isEqualTo(200);
        slack.awaitHook("/" + hook);
    }

    private String ask(Instance i, String text, String hook) throws Exception {
        command(i, text, hook);
        return slack.awaitHook("/" + hook).body().toString();
    }

    /** Check-ins posted (calls with answer buttons), in the order they were made. */
    private List<FakeSlack.Call> checkInCalls() {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> c.param("blocks") != null && c.param("blocks").contains("answer:"))
                .toList();
    }

    /** Check-ins that landed, all people together. */
    private long landed() {
        return checkIns().values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<String, Long> checkIns() {
        return slack.checkInsPerPerson(EVERYONE);
    }

    private Map<String, Long> digests() {
        return slack.digestsPerLeader(LEADERS);
    }

    private long pulses() {
        return slack.pulsesIn(CHANNEL);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
