package app.trustpulse.slack;

import app.trustpulse.Application;
import app.trustpulse.bench.BenchmarkReport;
import app.trustpulse.support.TestDatabases;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast setup and a check-in round reach 1,000 people against a fake Slack that enforces Slack's published
 * limits (Tier 2 = 20, Tier 3 = 50, Tier 4 = 100 a minute per method, one post a second per conversation, 600 posts a
 * minute per workspace) with 429 + Retry-After, beside the floor those limits set (1,000 posts at 600 a minute:
 * 100 s), and whether anyone got a message twice or not at all. The service runs on PostgreSQL with its real durable
 * work queue. Not part of the normal test run (see the surefire excludes); it prints its figures and asserts nothing.
 *
 * <p>Run: {@code ./mvnw test -Dtest=DeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class DeliveryBenchmark {

    private static final BenchmarkReport REPORT = BenchmarkReport.of(DeliveryBenchmark.class);

    static final int PEOPLE = 1000;
    static final String TEAM = "T0BENCH";
    static final String CHANNEL = "C0BIG";

    @Test
    void setupAndACheckInRoundToAThousandPeopleAgainstSlacksLimits() throws Exception {
        List<String> people = IntStream.range(0, PEOPLE)
                .mapToObj(i -> String.format("U%05d", i))
                .toList();
        try (FakeSlack slack = new FakeSlack().token(ChildInstance.TOKEN, TEAM).memberPages(1000)) {
            slack.user("UADMIN", "Ada", "Europe/Amsterdam", true);
            people.forEach(u -> slack.user(u, "Person " + u, "Europe/Amsterdam", false));
            List<String> inChannel = new java.util.ArrayList<>(people);
            inChannel.add("UADMIN");
            slack.channel(CHANNEL, inChannel.toArray(String[]::new));
            slack.enforceSlackLimits();
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                    .run(
                            "--spring.datasource.url=" + TestDatabases.postgresUrl(),
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=",
                            "--server.port=" + port,
                            "--pulse.playground.enabled=false",
                            "--pulse.pseudonym-secret=delivery-benchmark-pseudonym-secret-0123456789",
                            "--slack.bot-token=" + ChildInstance.TOKEN,
                            "--slack.signing-secret=" + ChildInstance.SECRET,
                            "--slack.api-url=" + slack.apiUrl(),
                            "--logging.level.root=WARN")) {
                SlackClientSim client = new SlackClientSim(port, ChildInstance.SECRET, TEAM);

                long start = System.nanoTime();
                client.postForm(client.slashCommand("UADMIN", CHANNEL, "setup <@U00000|p>", slack.hookUrl("setup")));
                await(
                        slack,
                        people,
                        p -> p.params().get("text").startsWith("Hi! Your team now uses"),
                        Duration.ofMinutes(10));
                double setup = (System.nanoTime() - start) / 1e9;
                Map<String, Long> welcomes =
                        count(slack, people, p -> p.params().get("text").startsWith("Hi! Your team now uses"));
                int posts429 = slack.calls("chat.postMessage").size() - PEOPLE;

                start = System.nanoTime();
                client.postForm(client.slashCommand("UADMIN", CHANNEL, "send-now", slack.hookUrl("send-now")));
                Predicate<FakeSlack.Posted> checkIn = p -> p.params().get("blocks") != null
                        && p.params().get("blocks").contains("answer:");
                await(slack, people, checkIn, Duration.ofMinutes(10));
                double round = (System.nanoTime() - start) / 1e9;
                Thread.sleep(5000);
                Map<String, Long> checkIns = count(slack, people, checkIn);

                double floor = PEOPLE / 10.0;
                REPORT.printf(
                        "%nDelivery to %,d people against Slack's limits (floor: %,d posts at 600/min = %.0f s)%n",
                        PEOPLE, PEOPLE, floor);
                REPORT.printf(
                        "setup incl. every welcome DM: %6.1f s (%.2fx the floor; target 1.1x + 30 s = %.0f s)%n",
                        setup, setup / floor, floor * 1.1 + 30);
                REPORT.printf(
                        "check-in round (send-now):    %6.1f s (%.2fx the floor; target %.0f s)%n",
                        round, round / floor, floor * 1.1);
                REPORT.printf(
                        "welcomes: %d people, lost %d, doubled %d; check-ins: lost %d, doubled %d%n",
                        welcomes.size(),
                        PEOPLE - welcomes.size(),
                        welcomes.values().stream().filter(n -> n > 1).count(),
                        PEOPLE - checkIns.size(),
                        checkIns.values().stream().filter(n -> n > 1).count());
                REPORT.printf(
                        "Web API calls: %d chat.postMessage (%d answered 429 during setup), %d users.list, "
                                + "%d users.info, %d conversations.members, %d conversations.open%n",
                        slack.calls("chat.postMessage").size(),
                        posts429,
                        slack.calls("users.list").size(),
                        slack.calls("users.info").size(),
                        slack.calls("conversations.members").size(),
                        slack.calls("conversations.open").size());
            }
        }
    }

    private static Map<String, Long> count(FakeSlack slack, List<String> people, Predicate<FakeSlack.Posted> what) {
        return people.stream()
                .collect(Collectors.toMap(
                        u -> u, u -> slack.posted("D" + u).stream().filter(what).count()))
                .entrySet()
                .stream()
                .filter(e -> e.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static void await(FakeSlack slack, List<String> people, Predicate<FakeSlack.Posted> what, Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (count(slack, people, what).size() < people.size()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not everyone reached within " + max);
            }
            Thread.sleep(200);
        }
    }
}
