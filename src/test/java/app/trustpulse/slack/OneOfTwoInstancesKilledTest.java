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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one PostgreSQL and one Slack workspace; the one doing a check-in round, and later the one doing a
 * week close, is killed with SIGKILL half-way, and is not started again. The instance that lives on takes the dead
 * one's work back (its queued request, its send-now lease, its claimed check-ins and week steps) and finishes it:
 * everyone gets exactly one check-in, the pulse goes out once and each leader's digest once, and what the admin is
 * told is true.
 */
@Slow
class OneOfTwoInstancesKilledTest {

    static final String TEAM = "T0TWO";
    static final String CHANNEL = "C0TWO";
    static final List<String> LEADERS = List.of("UL1", "UL2", "UL3", "UL4");
    static final List<String> MEMBERS = IntStream.rangeClosed(1, 12)
            .mapToObj(i -> String.format("UM%02d", i))
            .toList();
    static final List<String> EVERYONE = IntStream.range(0, LEADERS.size() + MEMBERS.size())
            .mapToObj(i -> i < LEADERS.size() ? LEADERS.get(i) : MEMBERS.get(i - LEADERS.size()))
            .toList();

    /**
     * A dead instance, its work and its claims are noticed after four missed heartbeats (4 s): short, so the test is
     * quick, and still far above a live instance's pauses on a busy machine. The claim timeout stays at its 15
     * minutes, so only the heartbeat can bring a dead instance's claims back within the test's time.
     */
    static final Map<String, String> QUICK_TAKE_OVER = Map.of(
            "pulse.work.heartbeat-interval", "1s",
            "pulse.work.missed-heartbeats", "4");

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

    private Instance start(String name, Database db) throws Exception {
        String token = "xoxb-" + name;
        slack.token(token, TEAM);
        ChildInstance child = ChildInstance.start(name, db, slack, token, QUICK_TAKE_OVER);
        synchronized (instances) {
            instances.add(child);
        }
        return new Instance(token, child);
    }

    @Test
    void theInstanceThatLivesOnFinishesTheRoundAndTheWeekCloseOfTheKilledOne() throws Exception {
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
        for (String leader : LEADERS.subList(1, LEADERS.size())) {
            command(b, "leader <@" + leader + "|" + leader.toLowerCase() + ">", "leader-" + leader);
        }
        // The admin is in the channel but no member of the team.
        command(a, "remove <@UADMIN|ada>", "remove");

        // A slow Slack, so the round takes seconds; the instance that runs it dies a few check-ins in.
        slack.delay("chat.postMessage", 150);
        a.client().postForm(a.client().slashCommand("UADMIN", CHANNEL, "send-now", slack.hookUrl("send-now")));
        await(() -> checkInCalls().size() >= 4, Duration.ofSeconds(60), "the round to start");
        Instance roundRunner =
                instanceThatMade(checkInCalls().get(checkInCalls().size() - 1), a, b);
        Instance survivor = roundRunner == a ? b : a;
        long killed = roundRunner.child().killAt();
        int callsAtKill = checkInCalls().size();
        assertThat(checkIns().size())
                .as("people with a check-in when the runner was killed")
                .isLessThan(EVERYONE.size());

        await(() -> checkIns().keySet().containsAll(EVERYONE), Duration.ofSeconds(60), "every check-in");
        report("send-now killed half-way, every check-in out", killed);
        String resumed = slack.awaitHook("/send-now").body().get("text").getAsString();
        Thread.sleep(2000);
        assertThat(checkIns())
                .as("check-ins per person")
                .containsOnlyKeys(EVERYONE.toArray(String[]::new))
                .allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));
        assertThat(checkInCalls().subList(callsAtKill, checkInCalls().size()))
                .as("check-ins sent after the kill, all by the instance that lives on")
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.token()).isEqualTo(survivor.token()));
        // No restart took place: the answer says the send-now is being finished, and no more.
        assertThat(resumed)
                .as("the admin's answer to the interrupted send-now")
                .contains("is being finished")
                .doesNotContain("restart");
        assertThat(slack.hooks().stream().filter(h -> h.path().endsWith("/send-now")))
                .as("answers to the send-now")
                .hasSize(1);

        // A second instance again (a new one: the killed one stays dead); the one that runs the close dies after the
        // pulse and some of the digests.
        Instance c = start("c", db);
        slack.delay("chat.postMessage", 600);
        c.client().postForm(c.client().slashCommand("UADMIN", CHANNEL, "close-week", slack.hookUrl("close")));
        await(() -> digests().size() >= 1, Duration.ofSeconds(60), "the first digest");
        Instance closeRunner = instanceThatMade(
                slack.calls("chat.postMessage").stream()
                        .filter(call -> call.param("text").startsWith("Your weekly digest"))
                        .findFirst()
                        .orElseThrow(),
                survivor,
                c);
        Instance closeSurvivor = closeRunner == c ? survivor : c;
        killed = closeRunner.child().killAt();
        int digestsAtKill = digests().values().stream().mapToInt(Long::intValue).sum();
        assertThat(pulses()).as("pulse posts at the kill").isEqualTo(1);
        assertThat(digestsAtKill).as("digests out at the kill").isBetween(1, LEADERS.size() - 1);

        slack.delay("chat.postMessage", 0);
        await(() -> digests().keySet().containsAll(LEADERS), Duration.ofSeconds(60), "every digest");
        report("close killed mid-digests, every digest out", killed);
        String closeAnswer = slack.awaitHook("/close").body().get("text").getAsString();
        int digestsAtAnswer =
                digests().values().stream().mapToInt(Long::intValue).sum();
        Thread.sleep(2000);
        assertThat(pulses()).as("pulse posts").isEqualTo(1);
        assertThat(digests())
                .as("digests per leader")
                .containsOnlyKeys(LEADERS.toArray(String[]::new))
                .allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));
        assertThat(checkIns()).allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));
        assertThat(slack.hooks().stream().filter(h -> h.path().endsWith("/close")))
                .as("answers to the close")
                .hasSize(1);
        // The interrupted close-week is answered by the instance that took it over: either all went out, or the
        // numbers it gives were out by then.
        if (closeAnswer.contains("leader digest(s) sent")) {
            assertThat(closeAnswer)
                    .contains("the pulse is in the channel")
                    .contains(" of " + LEADERS.size() + " leader digest(s)");
            int said = Integer.parseInt(closeAnswer.replaceAll(".*; (\\d+) of \\d+ leader digest.*", "$1"));
            assertThat(said).isLessThanOrEqualTo(digestsAtAnswer);
        } else {
            assertThat(closeAnswer)
                    .isIn(
                            "Week closed: the pulse is in the channel and every leader has their digest.",
                            "This week was already closed; its pulse has been posted.");
            assertThat(digestsAtAnswer).isEqualTo(LEADERS.size());
        }

        // Asked afterwards, the instance that lives on tells the truth: closed, all out, everyone asked.
        assertThat(ask(closeSurvivor, "close-week", "close-again"))
                .contains("\"text\":\"This week was already closed; its pulse has been posted.\"");
        assertThat(ask(closeSurvivor, "status", "status")).contains("This week: 0 of " + MEMBERS.size() + " took part");
        assertThat(pulses()).isEqualTo(1);
    }

    @Test
    void aSendNowKilledBeforeItPlannedItsRoundIsSentInFullByTheInstanceThatLivesOn() throws Exception {
        slack = new FakeSlack()
                .user("UADMIN", "Ada", "Europe/Amsterdam", true)
                .user("UBO", "Bo", "Europe/Amsterdam", true);
        EVERYONE.forEach(u -> slack.user(u, "Person " + u, "Europe/Amsterdam", false));
        List<String> inChannel = new ArrayList<>(EVERYONE);
        inChannel.add("UADMIN");
        slack.channel(CHANNEL, inChannel.toArray(String[]::new));
        Database db = Db.POSTGRES.in(directory);
        CompletableFuture<Instance> startingB = CompletableFuture.supplyAsync(() -> startUnchecked("b", db));
        Instance a = start("a", db);
        Instance b = startingB.join();
        command(a, "setup <@UL1|ul1>", "setup");
        command(a, "remove <@UADMIN|ada>", "remove");

        // A second admin, known to neither instance yet: the instance that takes the send-now looks them up in Slack
        // first, and dies while it waits for the answer, before a single check-in is planned.
        slack.delay("users.info", 800);
        a.client().postForm(a.client().slashCommand("UBO", CHANNEL, "send-now", slack.hookUrl("send-now")));
        Instance runner =
                instanceThatMade(slack.awaitCall("users.info", call -> "UBO".equals(call.param("user"))), a, b);
        Instance survivor = runner == a ? b : a;
        long killed = runner.child().killAt();
        assertThat(checkInCalls()).as("check-ins sent before the kill").isEmpty();

        await(() -> checkIns().keySet().containsAll(EVERYONE), Duration.ofSeconds(60), "every check-in");
        report("send-now killed before it planned, every check-in out", killed);
        String answer = slack.awaitHook("/send-now").body().get("text").getAsString();
        Thread.sleep(2000);
        assertThat(checkIns())
                .as("check-ins per person")
                .containsOnlyKeys(EVERYONE.toArray(String[]::new))
                .allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));
        assertThat(checkInCalls()).allSatisfy(c -> assertThat(c.token()).isEqualTo(survivor.token()));
        assertThat(answer).isEqualTo("Sent " + EVERYONE.size() + " check-ins; nobody already had all of this week's.");
        assertThat(slack.hooks().stream().filter(h -> h.path().endsWith("/send-now")))
                .as("answers to the send-now")
                .hasSize(1);
    }

    private Instance startUnchecked(String name, Database db) {
        try {
            return start(name, db);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instance instanceThatMade(FakeSlack.Call call, Instance one, Instance other) {
        return call.token().equals(one.token()) ? one : other;
    }

    private void command(Instance i, String text, String hook) throws Exception {
        SlackClientSim c = i.client();
        assertThat(c.postForm(c.slashCommand("UADMIN", CHANNEL, text, slack.hookUrl(hook)))
                        .statusCode())
                .isEqualTo(200);
        slack.awaitHook("/" + hook);
    }

    /** The answer to a command as the admin gets it: its text and its blocks. */
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

    /** Check-ins per person that landed: messages with answer buttons in each person's DM. */
    private Map<String, Long> checkIns() {
        return slack.checkInsPerPerson(EVERYONE);
    }

    private Map<String, Long> digests() {
        return slack.digestsPerLeader(LEADERS);
    }

    private long pulses() {
        return slack.pulsesIn(CHANNEL);
    }

    /** How long after the kill the instance that lives on had finished the killed one's work. */
    private static void report(String what, long killed) {
        System.out.printf(
                "OneOfTwoInstancesKilledTest: %s %.1f s after the kill%n", what, (System.nanoTime() - killed) / 1e9);
    }
}
