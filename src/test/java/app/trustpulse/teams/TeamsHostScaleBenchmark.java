package app.trustpulse.teams;

import app.trustpulse.Application;
import app.trustpulse.bench.BareSenders;
import app.trustpulse.bench.BenchmarkReport;
import app.trustpulse.bench.Finishes;
import app.trustpulse.bench.ScaleProbe;
import app.trustpulse.bench.ScaledClock;
import app.trustpulse.bench.WindowPace;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ResourceResponse;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A host serving 100 Teams tenants of 100 people each (one team per tenant, installed, every member's 1:1 chat known),
 * every team's check-in round due at the same moment, against a fake Bot Connector that enforces Teams' limits for a
 * bot per tenant (30 posts a second) and per conversation (7 a second), answering 429 + Retry-After beyond them. The
 * limits are per tenant, so the whole round can take as little as one tenant's floor (100 posts at 30 a second:
 * 3.3 s); it prints the round's time beside that floor and each tenant's finish, whose spread says whether any tenant
 * waited behind another's backlog. H2 (a file, the default) and PostgreSQL. The service's clock is set to the teams'
 * Monday 9:00 and runs at real speed; the calendar (Quartz) is not started: the benchmark queues each team's round as
 * its trigger would. Two rounds are measured: Monday's, the first after the start, in which the JVM also compiles the
 * service's code, and the next Monday's, the steady state of a host that runs rounds all week, with a card of the same
 * size as the first (a Wednesday's asks fewer statements) and as the bare client's. Not part of the normal test
 * run; it prints its figures and asserts nothing.
 *
 * <p>Before the service, in the same JVM, a bare Bot Framework SDK client sends as many check-in cards as the round
 * has to a fresh fake with the same limits: no Spring, no database, one {@link RestConnectorClient} as the SDK builds
 * it, a check-in card as the service posts it ({@code check-in-card.json} beside this class: a member's Monday card,
 * taken from the fake's record of a run; the service's lines give their posts' average size beside its size), as many
 * senders as the service's rounds have, each tenant paced at its limit by a minimal pacer ({@link WindowPace}),
 * after a round that warms up the JVM. Its time is what this machine takes for the round at all, whatever the service
 * does; the service's lines say their time and CPU beside it. Then the same round again, posted the way the service
 * posts ({@link Connector#send}: the SDK client's own HTTP client and credentials, on the sender's thread, without
 * the SDK's calls): what the service's way of posting costs on this machine without the rest of the service.
 *
 * <p>Run: {@code ./mvnw test -Dtest=TeamsHostScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, smaller with
 * {@code -Dbench.tenants=20}; {@code -Dbench.members=100}, {@code -Dbench.db=h2,postgres},
 * {@code -Dbench.work-threads=128}, {@code -Dbench.bare=false} to leave out the bare rounds,
 * {@code -Dbench.bare-warmups=1} (its rounds before the one measured).
 */
class TeamsHostScaleBenchmark {

    private static final BenchmarkReport REPORT = BenchmarkReport.of(TeamsHostScaleBenchmark.class);

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final LocalTime CHECK_IN = LocalTime.of(9, 0);
    static final double TENANT_POSTS_PER_SECOND = 30;
    /** Messages a round sends side by side, {@code teams.parallel-sends}: the service's default, given to both. */
    static final int PARALLEL_SENDS = 4;

    /** The bare SDK's round in this run: its time and CPU per post, and the size of each post as the fake read it. */
    private record Bare(double seconds, double cpuMsPerPost, int activityBytes) {}

    /** How a bare round posts. */
    private enum BareClient {
        /** The SDK's own calls ({@code Conversations.sendToConversation}). */
        SDK_CALLS("bare SDK (RestConnectorClient's calls, no Spring, no database)"),
        /** The service's {@link Connector#send}: the SDK client's HTTP client and credentials, not its calls. */
        CONNECTOR("bare Connector (the service's posts: the SDK client's HTTP client, not its calls; no Spring, no"
                + " database)");

        final String title;

        BareClient(String title) {
            this.title = title;
        }
    }

    @Test
    void aCheckInRoundInAHundredTenantsAtOnce() throws Exception {
        int tenants = Integer.getInteger("bench.tenants", 100);
        int size = Integer.getInteger("bench.members", 100);
        Optional<Bare> bare = Boolean.parseBoolean(System.getProperty("bench.bare", "true"))
                ? Optional.of(bareRound(tenants, size, BareClient.SDK_CALLS))
                : Optional.empty();
        if (bare.isPresent()) {
            bareRound(tenants, size, BareClient.CONNECTOR);
        }
        for (String db : System.getProperty("bench.db", "h2,postgres").split(",")) {
            round(db, tenants, size, bare);
        }
    }

    private static int workThreads() {
        return Integer.getInteger("bench.work-threads", 128);
    }

    private static String tenant(int t) {
        return String.format("%08d-0000-4000-8000-%012d", t, t);
    }

    private static String person(int t, int m) {
        return String.format("29:t%03du%03d", t, m);
    }

    private static String channel(int t) {
        return String.format("19:t%03d-pulse@thread.tacv2", t);
    }

    /** The tenant a conversation is in, from its id: "a:chat-29:tNNNuMMM" or "19:tNNN-pulse@thread.tacv2". */
    private static String tenantOfConversation(String conversation) {
        int at = conversation.indexOf(":t");
        return at < 0 || conversation.length() < at + 5 ? "" : conversation.substring(at + 2, at + 5);
    }

    private static void round(String db, int tenants, int size, Optional<Bare> bare) throws Exception {
        ScaledClock clock = new ScaledClock(1, MONDAY.atTime(8, 0).atZone(ZONE).toInstant());
        try (FakeBotConnector connector = new FakeBotConnector(16)) {
            connector.enforceTeamsLimits(TeamsHostScaleBenchmark::tenantOfConversation);
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> args = new ArrayList<>(List.of(
                    "--server.port=" + port,
                    "--pulse.playground.enabled=false",
                    "--pulse.pseudonym-secret=teams-host-benchmark-pseudonym-secret-0123456789",
                    "--microsoft.app.id=test-app-id",
                    "--microsoft.app.password=not-used",
                    "--teams.openid-metadata-url=" + connector.openIdUrl(),
                    "--teams.graph-url=" + connector.graphUrl(),
                    // As a host serving this many tenants at once would set it (the default, 16, suits one company).
                    "--pulse.work.threads=" + workThreads(),
                    "--teams.parallel-sends=" + PARALLEL_SENDS,
                    "--spring.quartz.auto-startup=false",
                    "--logging.level.root=WARN"));
            Path h2File = null;
            if (db.equals("postgres")) {
                args.add("--spring.datasource.url=" + TestDatabases.postgresUrl());
                args.add("--spring.datasource.username=postgres");
                args.add("--spring.datasource.password=");
            } else {
                h2File = Path.of("target", "bench-db", "teams-host-" + System.nanoTime(), "trust-pulse")
                        .toAbsolutePath();
                args.add("--spring.datasource.url=jdbc:h2:file:" + h2File
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;"
                        + "WRITE_DELAY=0");
            }
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
                            Application.class, OfflineCredentials.class)
                    .initializers(clock.initializer())
                    .run(args.toArray(String[]::new))) {
                Map<Long, String> tenantOfTeam = install(app, connector, tenants, size);
                REPORT.printf(
                        "%n%s: %d tenants of %d people, one team each, every round due at once; Teams' limits per"
                                + " tenant (30 posts a second) and per conversation (7 a second)%n",
                        db.equals("h2") ? "H2 file (the default)" : "PostgreSQL", tenants, size);
                WorkQueue work = app.getBean(WorkQueue.class);
                // The first round after the start also warms the service's code, as the bare SDK's warm-up round
                // does the SDK's; the next Monday's is the steady state a host runs in, with cards of the same size.
                for (LocalDate day : List.of(MONDAY, MONDAY.plusWeeks(1))) {
                    try (ScaleProbe probe = new ScaleProbe(app.getBean(JdbcClient.class), h2File)) {
                        REPORT.println(
                                day.equals(MONDAY)
                                        ? "first round after the start (Monday):"
                                        : "next round (the next Monday):");
                        int before = connector.posted().size();
                        double cpuBefore = ScaleProbe.cpuSeconds();
                        Instant due = day.atTime(CHECK_IN).atZone(ZONE).toInstant();
                        clock.set(due);
                        long t0 = System.nanoTime();
                        for (long team : tenantOfTeam.keySet()) {
                            work.enqueueAt("check-in-round", team + "@" + due.toEpochMilli(), "", Instant.now());
                        }
                        int expected = tenants * size;
                        int seen = 0;
                        long lastProgress = System.nanoTime();
                        // Progress is counted cheaply (posts made since the round began): reading every card of every
                        // post twice a second took as much CPU as the service's own sends. Check-ins are told apart
                        // once,
                        // at the end.
                        while (seen < expected && System.nanoTime() - lastProgress < 120_000_000_000L) {
                            Thread.sleep(500);
                            int now = connector.posted().size() - before;
                            if (now > seen) {
                                seen = now;
                                lastProgress = System.nanoTime();
                            }
                        }
                        Thread.sleep(3000);
                        // Before the benchmark reads the cards, which is not the service's work.
                        double cpu = ScaleProbe.cpuSeconds() - cpuBefore;
                        List<FakeBotConnector.Call> all = connector.posted();
                        List<FakeBotConnector.Call> posted = checkIns(all.subList(before, all.size()));
                        Map<String, Double> finish = finishByTenant(posted, t0);
                        Map<String, Integer> perPerson = new HashMap<>();
                        for (FakeBotConnector.Call c : posted) {
                            perPerson.merge(c.conversationId(), 1, Integer::sum);
                        }
                        long doubled =
                                perPerson.values().stream().filter(n -> n > 1).count();
                        long lost = expected - perPerson.size();
                        double floor = size / TENANT_POSTS_PER_SECOND;
                        Finishes finishes = new Finishes(finish);
                        double first = finishes.first();
                        double last = finishes.last();
                        double msPerPost = posted.isEmpty() ? 0 : cpu * 1000 / posted.size();
                        ScaleProbe.Queue queue = probe.reset();
                        REPORT.printf(
                                Locale.ROOT,
                                "round %.1f s = %.2fx one tenant's floor of %.1f s (target 1.2x)%s; tenants finished"
                                        + " between %.1f s and %.1f s (spread %.1f s), %d of %d reached; check-ins %d,"
                                        + " lost %d, doubled %d; answered 429: %d; deepest queue %d, oldest due %.1f s;"
                                        + " CPU %.1f s (whole JVM, the fake included), %.1f ms per post%s%n",
                                last,
                                last / floor,
                                floor,
                                bare.map(b -> String.format(
                                                Locale.ROOT,
                                                ", %.2fx the bare SDK's %.1f s",
                                                last / b.seconds(),
                                                b.seconds()))
                                        .orElse(""),
                                first,
                                last,
                                last - first,
                                finish.size(),
                                tenants,
                                posted.size(),
                                lost,
                                doubled,
                                connector.throttledCount(),
                                queue.maxDue(),
                                queue.maxAge().toMillis() / 1000.0,
                                cpu,
                                msPerPost,
                                bare.map(b -> String.format(
                                                Locale.ROOT,
                                                " (%.2fx the bare SDK's %.1f ms); %.0f bytes a post on average (the"
                                                        + " bare SDK's %d)",
                                                msPerPost / b.cpuMsPerPost(),
                                                b.cpuMsPerPost(),
                                                posted.stream()
                                                        .mapToInt(TeamsHostScaleBenchmark::bytes)
                                                        .average()
                                                        .orElse(0),
                                                b.activityBytes()))
                                        .orElse(""));
                        StringBuilder each = new StringBuilder("finish per tenant (s):");
                        finish.forEach((t, s) -> each.append(String.format(Locale.ROOT, " t%s %.1f", t, s)));
                        REPORT.println(each.toString());
                    }
                }
            }
        }
    }

    /**
     * The same number of check-in cards, sent by the Bot Framework SDK's own client to a fresh fake with the same
     * limits, to the same 1:1 chats: what the round takes on this machine without the service. Rounds to warm up
     * the JVM go first ({@link BareSenders#measure}).
     */
    private static Bare bareRound(int tenants, int size, BareClient how) throws Exception {
        JsonNode card;
        try (InputStream in = TeamsHostScaleBenchmark.class.getResourceAsStream("check-in-card.json")) {
            card = new ObjectMapper().readTree(in);
        }
        int senders = Math.min(tenants, workThreads()) * PARALLEL_SENDS;
        BareSenders.Measured measured = BareSenders.measure(
                Integer.getInteger("bench.bare-warmups", 1), () -> bareSends(tenants, size, senders, card, how));
        BareSenders.Round round = measured.round();
        double floor = size / TENANT_POSTS_PER_SECOND;
        REPORT.printf(
                Locale.ROOT,
                "%n%s: %d tenants of %d people, %d senders, each tenant paced at 30 posts a second, a check-in card"
                        + " of %d bytes a post%n%s%n",
                how.title,
                tenants,
                size,
                senders,
                round.bytesPerPost(),
                measured.describe("tenant", floor, tenants * size));
        return new Bare(round.finishes().last(), round.msPerPost(), round.bytesPerPost());
    }

    private static BareSenders.Round bareSends(int tenants, int size, int senders, JsonNode card, BareClient how)
            throws Exception {
        int calls = workThreads() * PARALLEL_SENDS + TeamsConfiguration.CALLS_BESIDE_WORKERS;
        // Every tenant posts to the one service URL, and OkHttp sends at most 5 requests to one host at a time (and
        // keeps 5 idle connections) unless told otherwise: the senders would queue behind 5 requests in flight. So
        // the client gets what Connector gives the service's: as many requests at once, and as many connections
        // kept, as all workers' rounds may send side by side. All else is the SDK's default client, its JSON
        // included. The credentials are the service's in this benchmark: the same header on every call.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(calls);
        dispatcher.setMaxRequestsPerHost(calls);
        try (FakeBotConnector connector = new FakeBotConnector(16)) {
            connector.enforceTeamsLimits(TeamsHostScaleBenchmark::tenantOfConversation);
            RestConnectorClient client = new RestConnectorClient(RestConnectorClient.getDefaultRestClientBuilder(
                            connector.url(), new TestBotCredentials("test-app-id"))
                    .withDispatcher(dispatcher)
                    .withConnectionPool(
                            new ConnectionPool(calls, Connector.IDLE_CONNECTION_KEPT.toMinutes(), TimeUnit.MINUTES))
                    .build());
            List<WindowPace> paces = new ArrayList<>();
            for (int t = 0; t < tenants; t++) {
                // One post to each 1:1 chat: only the tenant's limit applies.
                paces.add(new WindowPace((int) TENANT_POSTS_PER_SECOND, Duration.ofSeconds(1)));
            }
            Connector service = new Connector(new TestBotCredentials("test-app-id"), calls);
            Poster poster = how == BareClient.SDK_CALLS
                    ? (conversation, activity) -> client.getConversations().sendToConversation(conversation, activity)
                    : (conversation, activity) -> service.send(connector.url(), conversation, null, activity);
            BareSenders.Sent sent = BareSenders.sendToEveryone(
                    senders, tenants, size, (t, m) -> send(poster, paces.get(t), "a:chat-" + person(t, m), card));
            client.close();
            List<FakeBotConnector.Call> posted = connector.posted();
            return new BareSenders.Round(
                    new Finishes(finishByTenant(posted, sent.startNanos())),
                    sent.cpuSeconds(),
                    posted.size(),
                    connector.throttledCount(),
                    posted.isEmpty() ? 0 : bytes(posted.get(0)));
        }
    }

    /** Posts one activity to a conversation. */
    private interface Poster {
        CompletableFuture<ResourceResponse> post(String conversation, Activity activity);
    }

    /**
     * One proactive message, as a bot sends it with the SDK: paced, and sent again after a 429's Retry-After, or after
     * a pooled connection the fake had closed (the SDK's default client does that on its own).
     */
    private static void send(Poster poster, WindowPace pace, String conversation, JsonNode card)
            throws InterruptedException {
        Activity activity = Activity.createMessageActivity();
        activity.setSummary(card.path("body").path(0).path("text").asText());
        Attachment attachment = new Attachment();
        attachment.setContentType(CardRenderer.CONTENT_TYPE);
        attachment.setContent(card);
        activity.setAttachments(List.of(attachment));
        while (true) {
            pace.acquire();
            try {
                poster.post(conversation, activity).join();
                return;
            } catch (CompletionException e) {
                if (e.getCause() instanceof java.io.IOException) {
                    continue;
                }
                if (!throttled(e)) {
                    throw e;
                }
            } finally {
                pace.done();
            }
            // The fake's Retry-After.
            Thread.sleep(1000);
        }
    }

    private static boolean throttled(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof RestException rest && rest.response() != null) {
                return rest.response().code() == 429;
            }
        }
        return false;
    }

    /** When each tenant's last post landed, in seconds after {@code t0}. */
    private static Map<String, Double> finishByTenant(List<FakeBotConnector.Call> posted, long t0) {
        Map<String, Double> finish = new TreeMap<>();
        for (FakeBotConnector.Call c : posted) {
            finish.merge(tenantOfConversation(c.conversationId()), (c.nanos() - t0) / 1e9, Math::max);
        }
        return finish;
    }

    /** A post's size as the fake read it (its JSON written compactly), so that both clients' are measured alike. */
    private static int bytes(FakeBotConnector.Call call) {
        return call.body() == null ? 0 : call.body().toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** Check-in cards posted to 1:1 chats. */
    private static List<FakeBotConnector.Call> checkIns(List<FakeBotConnector.Call> calls) {
        return calls.stream()
                .filter(c -> c.conversationId().startsWith("a:chat-"))
                .filter(c -> c.card() != null && c.card().toString().contains("Input.ChoiceSet"))
                .toList();
    }

    /**
     * Every tenant as it is after setup: the team and its channel installed, each member's 1:1 chat known, the team
     * with its members and schedule. Returns the tenant of each team.
     */
    private static Map<Long, String> install(
            ConfigurableApplicationContext app, FakeBotConnector connector, int tenants, int size) {
        ConversationStore store = app.getBean(ConversationStore.class);
        TeamRepository teams = app.getBean(TeamRepository.class);
        MemberRepository members = app.getBean(MemberRepository.class);
        Map<Long, String> tenantOfTeam = new HashMap<>();
        ChannelAccount bot = new ChannelAccount(TeamsPayloads.BOT, TeamsPayloads.BOT_NAME);
        for (int t = 0; t < tenants; t++) {
            String tenant = tenant(t);
            String teamId = channel(t);
            store.saveTeam(tenant, teamId, "Team " + t, connector.url());
            store.saveChannel(tenant, teamId, teamId, reference(connector, bot, teamId, tenant, "channel", null));
            TeamSchedule schedule = TeamSchedule.defaults()
                    .withCheckIns(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), CHECK_IN)
                    .withSummary(DayOfWeek.FRIDAY, LocalTime.of(16, 0))
                    .withNudges(Set.of(), LocalTime.of(10, 0))
                    .withReminder(Optional.empty());
            Team team = teams.insert(
                    new Team(0, Platform.TEAMS, tenant, teamId, "Team " + t, ZONE, Language.EN, 3, schedule, false));
            tenantOfTeam.put(team.id(), tenant);
            for (int m = 0; m < size; m++) {
                String user = person(t, m);
                store.saveUser(tenant, user, reference(connector, bot, "a:chat-" + user, tenant, "personal", user));
                members.save(new Member(
                        team.id(),
                        user,
                        "Person " + user.substring(3),
                        m == 0 ? Role.LEADER : Role.MEMBER,
                        Optional.empty(),
                        false,
                        false));
            }
        }
        return tenantOfTeam;
    }

    private static ConversationReference reference(
            FakeBotConnector connector,
            ChannelAccount bot,
            String conversationId,
            String tenant,
            String type,
            String user) {
        ConversationReference reference = new ConversationReference();
        reference.setChannelId("msteams");
        reference.setServiceUrl(connector.url());
        reference.setBot(bot);
        if (user != null) {
            reference.setUser(new ChannelAccount(user));
        }
        ConversationAccount conversation = new ConversationAccount(conversationId);
        conversation.setConversationType(type);
        conversation.setTenantId(tenant);
        reference.setConversation(conversation);
        return reference;
    }
}
