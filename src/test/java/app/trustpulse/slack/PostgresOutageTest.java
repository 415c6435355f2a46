package app.trustpulse.slack;

import static app.trustpulse.slack.ChildInstance.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Slow;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped for half a minute in the middle of a check-in round, then started again on the same data
 * directory and port: the service rides it out by itself, every member gets exactly one check-in, and the admin who
 * asked for the round is answered once, by the run that finished it, never with "something went wrong".
 */
@Slow
class PostgresOutageTest {

    static final String TEAM = "T0PGDOWN";
    static final String CHANNEL = "C0TEAM";
    static final List<String> PEOPLE = IntStream.rangeClosed(1, 20)
            .mapToObj(i -> String.format("UP%02d", i))
            .toList();

    @TempDir
    Path dir;

    private EmbeddedPostgres postgres;
    private ChildInstance instance;
    private FakeSlack slack;

    @AfterEach
    void stop() throws Exception {
        if (instance != null) {
            instance.close();
        }
        if (slack != null) {
            slack.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aRoundWhileThePostgresServerIsDownForHalfAMinuteReachesEveryMemberOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = dir.resolve("pgdata");
        postgres = start(port, data);

        slack = new FakeSlack().token(ChildInstance.TOKEN, TEAM).user("UADMIN", "Ada", "Europe/Amsterdam", true);
        PEOPLE.forEach(u -> slack.user(u, "Person " + u, "Europe/Amsterdam", false));
        slack.channel(CHANNEL, PEOPLE.toArray(String[]::new));
        instance = ChildInstance.start(
                "pg-outage",
                new ChildInstance.Database(
                        postgres.getJdbcUrl("postgres", "postgres"),
                        java.nio.file.Files.createTempDirectory("pg-outage")),
                slack,
                ChildInstance.TOKEN,
                Map.of("logging.level.root", "WARN"));
        SlackClientSim client = instance.slack(TEAM);
        assertThat(client.postForm(client.slashCommand("UADMIN", CHANNEL, "setup", slack.hookUrl("setup")))
                        .statusCode())
                .isEqualTo(200);
        slack.awaitHook("/setup");

        // A slow Slack, so the round is still going when the database goes away.
        slack.delay("chat.postMessage", 300);
        client.postForm(client.slashCommand("UADMIN", CHANNEL, "send-now", slack.hookUrl("send-now")));
        await(() -> total() >= 3, Duration.ofSeconds(60));
        postgres.close();
        long sentBeforeOutage = total();
        Thread.sleep(30_000);
        long sentDuringOutage = total() - sentBeforeOutage;
        postgres = start(port, data);

        await(() -> slack.checkInsPerPerson(PEOPLE).keySet().containsAll(PEOPLE), Duration.ofSeconds(180));
        Thread.sleep(3000);
        String log = Files.readString(instance.log);
        assertThat(slack.checkInsPerPerson(PEOPLE))
                .as(
                        "check-ins per person (%d before the outage, %d during it); log:%n%s",
                        sentBeforeOutage, sentDuringOutage, log)
                .containsOnlyKeys(PEOPLE.toArray(String[]::new))
                .allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));
        assertThat(sentBeforeOutage).isLessThan(PEOPLE.size());
        assertThat(log).as("the service said the database was gone").contains("WARN");
        // The send-now met the outage, and was run again from the queue once the database was back: its admin gets
        // that run's answer, once, and is never told it failed.
        String answer = slack.awaitHook("/send-now").body().get("text").getAsString();
        assertThat(slack.hooks().stream()
                        .filter(h -> h.path().endsWith("/send-now"))
                        .map(h -> h.body().get("text").getAsString()))
                .as("answers to the send-now")
                .containsExactly(answer);
        assertThat(answer).as("the answer to the send-now").doesNotContain("Something went wrong");
        System.out.printf("PostgresOutageTest: the admin's answer to the send-now: %s%n", answer);
        // Still serving: a command after the outage is answered.
        slack.delay("chat.postMessage", 0);
        assertThat(client.postForm(client.slashCommand("UADMIN", CHANNEL, "status", slack.hookUrl("status")))
                        .statusCode())
                .isEqualTo(200);
        slack.awaitHook("/status");
    }

    private static EmbeddedPostgres start(int port, Path data) throws Exception {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off")
                .start();
    }

    private long total() {
        return slack.checkInsPerPerson(PEOPLE).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }
}
