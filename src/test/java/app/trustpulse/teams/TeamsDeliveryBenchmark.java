package app.trustpulse.teams;

import app.trustpulse.Application;
import app.trustpulse.bench.BenchmarkReport;
import app.trustpulse.support.TestDatabases;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast setup and a check-in round reach 1,000 people in Teams against a fake Bot Connector that enforces Teams'
 * limits for a bot (7 posts a second per conversation, 30 a second per tenant) with 429 + Retry-After, beside the
 * floor those limits set (1,000 posts at 30 a second: 33 s), and whether anyone got a message twice or not at all,
 * and whether any 1:1 chat was created more than once. The service runs on PostgreSQL with its real durable work
 * queue. Not part of the normal test run (see the surefire excludes); it prints its figures and asserts nothing.
 *
 * <p>Run: {@code ./mvnw test -Dtest=TeamsDeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class TeamsDeliveryBenchmark {

    private static final BenchmarkReport REPORT = BenchmarkReport.of(TeamsDeliveryBenchmark.class);

    static final int PEOPLE = 1000;
    static final String OWNER = "29:u0000";
    static final String LEADER = "29:u0001";

    @Test
    void setupAndACheckInRoundToAThousandPeopleAgainstTeamsLimits() throws Exception {
        List<String> people = IntStream.range(0, PEOPLE)
                .mapToObj(i -> String.format("29:u%04d", i))
                .toList();
        TestTokens tokens = new TestTokens();
        try (FakeBotConnector connector = new FakeBotConnector()) {
            connector.publishKey(TestTokens.KEY_ID, tokens.publishedKey());
            connector.owner(TeamsPayloads.GROUP, TeamsPayloads.aadObjectId(OWNER));
            connector.roster(
                    TeamsPayloads.TEAM,
                    200,
                    people.stream()
                            .map(u -> Map.of(
                                    "id",
                                    u,
                                    "name",
                                    "Person " + u.substring(3),
                                    "aadObjectId",
                                    TeamsPayloads.aadObjectId(u)))
                            .toList());
            connector.enforceTeamsLimits();
            TeamsPayloads payloads = new TeamsPayloads(connector.url());
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
                            Application.class, OfflineCredentials.class)
                    .run(
                            "--spring.datasource.url=" + TestDatabases.postgresUrl(),
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=",
                            "--server.port=" + port,
                            "--pulse.playground.enabled=false",
                            "--pulse.pseudonym-secret=teams-delivery-benchmark-pseudonym-secret-0123456789",
                            "--microsoft.app.id=test-app-id",
                            "--microsoft.app.password=not-used",
                            "--teams.openid-metadata-url=" + connector.openIdUrl(),
                            "--teams.graph-url=" + connector.graphUrl(),
                            "--logging.level.root=WARN")) {
                HttpClient http = HttpClient.newHttpClient();
                java.util.function.Consumer<String> post = body -> {
                    try {
                        HttpRequest request = HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/messages"))
                                .header("Content-Type", "application/json; charset=utf-8")
                                .header("Authorization", "Bearer " + tokens.valid("test-app-id", connector.url()))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        if (status != 200) {
                            throw new IllegalStateException("activity answered " + status);
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                };
                post.accept(payloads.botAddedToTeam(OWNER));
                Thread.sleep(2000);

                Predicate<FakeBotConnector.Call> welcome =
                        c -> c.body().path("summary").asText().startsWith("Hi! Your team now uses");
                long start = System.nanoTime();
                post.accept(payloads.channelMessage(
                        TeamsPayloads.nextId(), OWNER, "Owner", "pulse setup", Map.of(LEADER, "Leader")));
                await(connector, people, welcome, Duration.ofMinutes(10));
                double setup = (System.nanoTime() - start) / 1e9;
                Thread.sleep(3000);
                Map<String, Long> welcomes = count(connector, people, welcome);
                int throttledInSetup = connector.throttledCount();

                Predicate<FakeBotConnector.Call> checkIn =
                        c -> c.card() != null && c.card().toString().contains("Input.ChoiceSet");
                start = System.nanoTime();
                post.accept(
                        payloads.channelMessage(TeamsPayloads.nextId(), OWNER, "Owner", "pulse send-now", Map.of()));
                await(connector, people, checkIn, Duration.ofMinutes(10));
                double round = (System.nanoTime() - start) / 1e9;
                Thread.sleep(5000);
                Map<String, Long> checkIns = count(connector, people, checkIn);
                Map<String, Long> created = connector.createdChats().stream()
                        .collect(Collectors.groupingBy(
                                c -> c.body().path("members").path(0).path("id").asText(), Collectors.counting()));

                double floor = PEOPLE / 30.0;
                REPORT.printf(
                        "%nDelivery to %,d people against Teams' limits (floor: %,d posts at 30/s = %.1f s)%n",
                        PEOPLE, PEOPLE, floor);
                REPORT.printf(
                        "setup incl. every welcome:  %6.1f s (%.2fx the floor; target 1.1x + 30 s = %.1f s)%n",
                        setup, setup / floor, floor * 1.1 + 30);
                REPORT.printf(
                        "check-in round (send-now):  %6.1f s (%.2fx the floor; target %.1f s)%n",
                        round, round / floor, floor * 1.1);
                REPORT.printf(
                        "welcomes: %d people, lost %d, doubled %d; check-ins: lost %d, doubled %d%n",
                        welcomes.size(),
                        PEOPLE - welcomes.size(),
                        welcomes.values().stream().filter(n -> n > 1).count(),
                        PEOPLE - checkIns.size(),
                        checkIns.values().stream().filter(n -> n > 1).count());
                REPORT.printf(
                        "1:1 chats created: %d for %d people, %d created more than once%n",
                        created.values().stream().mapToLong(Long::longValue).sum(),
                        created.size(),
                        created.values().stream().filter(n -> n > 1).count());
                REPORT.printf(
                        "posts accepted: %d; answered 429: %d during setup, %d in all; roster reads: %d%n",
                        connector.posted().size(),
                        throttledInSetup,
                        connector.throttledCount(),
                        connector.calls().stream()
                                .filter(c -> c.path().endsWith("/pagedmembers"))
                                .count());
            }
        }
    }

    /** What each post was, worked out once: the benchmark shares the machine's two cores with the service. */
    private static final Map<FakeBotConnector.Call, Map<Predicate<FakeBotConnector.Call>, Boolean>> SEEN =
            new java.util.IdentityHashMap<>();

    /** Per person, how many of their posts match, counting only the people with one or more. */
    private static Map<String, Long> count(
            FakeBotConnector connector, List<String> people, Predicate<FakeBotConnector.Call> what) {
        Map<String, Long> byConversation = new HashMap<>();
        for (FakeBotConnector.Call c : connector.posted()) {
            if (SEEN.computeIfAbsent(c, k -> new java.util.IdentityHashMap<>()).computeIfAbsent(what, w -> w.test(c))) {
                byConversation.merge(c.conversationId(), 1L, Long::sum);
            }
        }
        Map<String, Long> byPerson = new HashMap<>();
        for (String u : people) {
            Long n = byConversation.get("a:chat-" + u);
            if (n != null) {
                byPerson.put(u, n);
            }
        }
        return byPerson;
    }

    private static void await(
            FakeBotConnector connector, List<String> people, Predicate<FakeBotConnector.Call> what, Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (count(connector, people, what).size() < people.size()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not everyone reached within " + max);
            }
            Thread.sleep(500);
        }
    }
}
