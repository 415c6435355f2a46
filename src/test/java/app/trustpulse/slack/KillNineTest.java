package app.trustpulse.slack;

import static app.trustpulse.slack.ChildInstance.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Slow;
import app.trustpulse.slack.ChildInstance.Database;
import app.trustpulse.slack.ChildInstance.Db;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The service killed with SIGKILL in the middle of its work, then started again on the same database, once on the
 * embedded H2 default and once on PostgreSQL: nothing that was acknowledged or begun is lost, nothing goes out twice,
 * and what the killed instance had in flight goes out within {@link #RECOVERED} of the kill, its claims ending with
 * its heartbeat (the claim timeout stays at its 15 minutes). Acknowledged requests after a kill:
 * {@link KilledAfterAcknowledgingTest}.
 */
@Slow
class KillNineTest {

    static final String TEAM = "T0KILL";
    static final String CHANNEL = "C0TEAM";
    static final List<String> LEADERS = List.of("UL1", "UL2", "UL3");
    static final List<String> MEMBERS = IntStream.rangeClosed(1, 12)
            .mapToObj(i -> String.format("UM%02d", i))
            .toList();
    /** From the kill to the last message the killed instance had begun: a new JVM's start included. */
    static final Duration RECOVERED = Duration.ofSeconds(90);

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
    void killedMidRoundWhileThePulseWaitsOnA429AndMidDigestsEveryoneGetsOneCheckInThenThePulseOnceThenEachDigestOnce(
            Db kind) throws Exception {
        slack = new FakeSlack().token(ChildInstance.TOKEN, TEAM).user("UADMIN", "Ada", "Europe/Amsterdam", true);
        List<String> everyone = new ArrayList<>(LEADERS);
        everyone.addAll(MEMBERS);
        everyone.forEach(u -> slack.user(u, "Person " + u, "Europe/Amsterdam", false));
        List<String> inChannel = new ArrayList<>(everyone);
        inChannel.add("UADMIN");
        slack.channel(CHANNEL, inChannel.toArray(String[]::new));
        Database db = kind.in(directory);

        ChildInstance first = start("first", db);
        command(first, "setup <@UL1|ul1>", "setup");
        command(first, "leader <@UL2|ul2>", "leader2");
        command(first, "leader <@UL3|ul3>", "leader3");
        // The admin is in the channel but no member of the team.
        command(first, "remove <@UADMIN|ada>", "remove");

        // A slow Slack: the round takes seconds, and the instance dies in the middle of it.
        slack.delay("chat.postMessage", 150);
        first.slack(TEAM)
                .postForm(first.slack(TEAM).slashCommand("UADMIN", CHANNEL, "send-now", slack.hookUrl("send-now")));
        await(() -> checkIns().values().stream().mapToLong(Long::longValue).sum() >= 4, Duration.ofSeconds(60));
        long killed = first.killAt();
        long beforeRestart =
                checkIns().values().stream().mapToLong(Long::longValue).sum();
        assertThat(beforeRestart).isLessThan(everyone.size());

        ChildInstance second = start("second", db);
        await(() -> checkIns().keySet().containsAll(everyone), RECOVERED.minus(since(killed)));
        report(kind, "round, every check-in out", killed);
        Thread.sleep(2000);
        assertThat(checkIns())
                .as(
                        "check-ins per person; to UL1: %s",
                        slack.posted("DUL1").stream()
                                .map(p -> p.params().get("text") + " "
                                        + p.params().get("metadata"))
                                .toList())
                .containsOnlyKeys(everyone.toArray(String[]::new))
                .allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));

        // The close: Slack answers the pulse with a 429 and a long Retry-After; the instance dies while it waits.
        slack.rateLimit("chat.postMessage", 1, 100);
        second.slack(TEAM)
                .postForm(second.slack(TEAM).slashCommand("UADMIN", CHANNEL, "close-week", slack.hookUrl("close")));
        slack.awaitCall("chat.postMessage", call -> CHANNEL.equals(call.param("channel")));
        Thread.sleep(500);
        killed = second.killAt();
        assertThat(pulses()).as("pulses at the kill").isZero();
        assertThat(digests()).as("digests at the kill, the pulse not out yet").isEmpty();

        // The next instance posts the pulse, then dies while a digest is on its way: Slack has it, the instance never
        // learns whether it landed (it does, after the kill).
        slack.delay("chat.postMessage", 700);
        ChildInstance third = start("third", db);
        await(() -> pulses() == 1, RECOVERED.minus(since(killed)));
        report(kind, "pulse held by a 429 wait, out", killed);
        slack.awaitCall(
                "chat.postMessage",
                call -> call.param("text") != null && call.param("text").startsWith("Your weekly digest"));
        killed = third.killAt();
        assertThat(pulses()).as("pulses at the kill").isEqualTo(1);

        slack.delay("chat.postMessage", 0);
        start("fourth", db);
        await(() -> digests().keySet().containsAll(LEADERS), RECOVERED.minus(since(killed)));
        report(kind, "digests, every one out", killed);
        Thread.sleep(3000);
        assertThat(pulses()).as("pulse posts").isEqualTo(1);
        assertThat(digests())
                .as("digests per leader")
                .containsOnlyKeys(LEADERS.toArray(String[]::new))
                .allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));
        BigDecimal pulseAt = new BigDecimal(slack.posted(CHANNEL).stream()
                .filter(p -> p.params().get("text").startsWith("Team pulse"))
                .findFirst()
                .orElseThrow()
                .ts());
        assertThat(LEADERS)
                .as("each digest after the pulse")
                .allSatisfy(leader -> assertThat(slack.posted("D" + leader).stream()
                                .filter(p -> p.params().get("text").startsWith("Your weekly digest"))
                                .map(p -> new BigDecimal(p.ts())))
                        .allSatisfy(at -> assertThat(at).isGreaterThan(pulseAt)));
        assertThat(checkIns()).allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));
    }

    private void command(ChildInstance i, String text, String hook) throws Exception {
        SlackClientSim c = i.slack(TEAM);
        assertThat(c.postForm(c.slashCommand("UADMIN", CHANNEL, text, slack.hookUrl(hook)))
                        .statusCode())
                .isEqualTo(200);
        slack.awaitHook("/" + hook);
    }

    /** Check-ins per person that landed: messages with answer buttons in each person's DM. */
    private Map<String, Long> checkIns() {
        return slack.checkInsPerPerson(java.util.stream.Stream.concat(LEADERS.stream(), MEMBERS.stream())
                .toList());
    }

    private Map<String, Long> digests() {
        return slack.digestsPerLeader(LEADERS);
    }

    private long pulses() {
        return slack.pulsesIn(CHANNEL);
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /** The figure the README quotes: how long after the kill the killed instance's work was all out. */
    private static void report(Db kind, String what, long killed) {
        System.out.printf(
                "KillNineTest %s: %s %.1f s after the kill%n",
                kind, what, since(killed).toMillis() / 1000.0);
    }
}
