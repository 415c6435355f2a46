package app.trustpulse.teams;

import app.trustpulse.Application;
import app.trustpulse.bench.BenchmarkReport;
import app.trustpulse.bench.ScaleProbe;
import app.trustpulse.bench.ScaledClock;
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
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.DayOfWeek;
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
 * its trigger would. Not part of the normal test run; it prints its figures and asserts nothing.
 *
 * <p>Run: {@code ./mvnw test -Dtest=TeamsHostScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, smaller with
 * {@code -Dbench.tenants=20}; {@code -Dbench.members=100}, {@code -Dbench.db=h2,postgres},
 * {@code -Dbench.work-threads=128}.
 */
class TeamsHostScaleBenchmark {

    private static final BenchmarkReport REPORT = BenchmarkReport.of(TeamsHostScaleBenchmark.class);

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final LocalTime CHECK_IN = LocalTime.of(9, 0);
    static final double TENANT_POSTS_PER_SECOND = 30;

    @Test
    void aCheckInRoundInAHundredTenantsAtOnce() throws Exception {
        int tenants = Integer.getInteger("bench.tenants", 100);
        int size = Integer.getInteger("bench.members", 100);
        for (String db : System.getProperty("bench.db", "h2,postgres").split(",")) {
            round(db, tenants, size);
        }
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

    private static void round(String db, int tenants, int size) throws Exception {
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
                    "--pulse.work.threads=" + Integer.getInteger("bench.work-threads", 128),
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
                try (ScaleProbe probe = new ScaleProbe(app.getBean(JdbcClient.class), h2File)) {
                    double cpuBefore = ScaleProbe.cpuSeconds();
                    Instant due = MONDAY.atTime(CHECK_IN).atZone(ZONE).toInstant();
                    clock.set(due);
                    long t0 = System.nanoTime();
                    for (long team : tenantOfTeam.keySet()) {
                        work.enqueueAt("check-in-round", team + "@" + due.toEpochMilli(), "", Instant.now());
                    }
                    int expected = tenants * size;
                    int seen = 0;
                    long lastProgress = System.nanoTime();
                    // Progress is counted cheaply (posts made since the round began): reading every card of every
                    // post twice a second took as much CPU as the service's own sends. Check-ins are told apart once,
                    // at the end.
                    int before = connector.posted().size();
                    while (seen < expected && System.nanoTime() - lastProgress < 120_000_000_000L) {
                        Thread.sleep(500);
                        int now = connector.posted().size() - before;
                        if (now > seen) {
                            seen = now;
                            lastProgress = System.nanoTime();
                        }
                    }
                    Thread.sleep(3000);
                    List<FakeBotConnector.Call> posted = checkIns(connector);
                    double cpu = ScaleProbe.cpuSeconds() - cpuBefore;
                    Map<String, Double> finish = new TreeMap<>();
                    Map<String, Integer> perPerson = new HashMap<>();
                    for (FakeBotConnector.Call c : posted) {
                        finish.merge(tenantOfConversation(c.conversationId()), (c.nanos() - t0) / 1e9, Math::max);
                        perPerson.merge(c.conversationId(), 1, Integer::sum);
                    }
                    long doubled =
                            perPerson.values().stream().filter(n -> n > 1).count();
                    long lost = expected - perPerson.size();
                    double floor = size / TENANT_POSTS_PER_SECOND;
                    double first = finish.values().stream()
                            .mapToDouble(Double::doubleValue)
                            .min()
                            .orElse(0);
                    double last = finish.values().stream()
                            .mapToDouble(Double::doubleValue)
                            .max()
                            .orElse(0);
                    ScaleProbe.Queue queue = probe.reset();
                    REPORT.printf(
                            Locale.ROOT,
                            "round %.1f s = %.2fx one tenant's floor of %.1f s (target 1.2x); tenants finished between"
                                    + " %.1f s and %.1f s (spread %.1f s), %d of %d reached; check-ins %d, lost %d,"
                                    + " doubled %d; answered 429: %d; deepest queue %d, oldest due %.1f s;"
                                    + " CPU %.1f s (whole JVM, the fake included), %.1f ms per post%n",
                            last,
                            last / floor,
                            floor,
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
                            posted.isEmpty() ? 0 : cpu * 1000 / posted.size());
                    StringBuilder each = new StringBuilder("finish per tenant (s):");
                    finish.forEach((t, s) -> each.append(String.format(Locale.ROOT, " t%s %.1f", t, s)));
                    REPORT.println(each.toString());
                }
            }
        }
    }

    /** Check-in cards posted to 1:1 chats. */
    private static List<FakeBotConnector.Call> checkIns(FakeBotConnector connector) {
        return connector.posted().stream()
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
