package app.trustpulse.slack;

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
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.support.TestDatabases;
import com.slack.api.bolt.model.builtin.DefaultBot;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole service with its real durable work queue on H2 (a file, as the default) or PostgreSQL, against a fake Slack
 * that enforces Slack's limits per workspace with time compressed by a factor ({@link ScaledClock}: every limit and
 * the service's clock run that much faster), with many teams in one or many workspaces, and the steps of a week run
 * as their schedule fires them: each team's check-in round, reminder round and week close at the team's own time. The
 * calendar's triggers (Quartz) are not started: the benchmark queues the durable work each trigger queues, at the
 * real moment that trigger would fire. Members never answer, so reminders go to everyone. The fake only counts the
 * posts ({@link FakeSlack#counting}), and the heap it and its directory take is measured before the service starts
 * ({@link Baseline}), so that the heap after each step can be told apart from the service's share of it.
 */
final class ScaleWeek implements AutoCloseable {

    static final String ROUND = "check-in-round";
    static final String REMINDERS = "reminder-round";
    static final String CLOSE = "week-close";

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** A Monday in the past, so nothing the service queues by its own clock waits beyond the real present. */
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    static final LocalTime CHECK_IN = LocalTime.of(9, 0);
    static final LocalTime CLOSE_AT = LocalTime.of(16, 0);
    static final Duration REMINDER_DELAY = Duration.ofHours(4);

    /** The kinds of post the fake counts: {@link #kindOf}. */
    static final int KIND_CHECK_IN = 0;

    static final int KIND_REMINDER = 1;
    static final int KIND_CLOSE = 2;
    static final int KIND_OTHER = 3;
    static final int KINDS = 4;

    /** One team: its workspace, channel, leader and members (the leader among them), and its minutes past the hour. */
    record PulseTeam(
            long id, String workspace, String channel, String leader, List<String> people, int offsetMinutes) {}

    /** What a step did, for the report. */
    record StepResult(
            String name,
            int posts,
            double seconds,
            double floor,
            double worstLateMinutes,
            int lateOverFiveMinutes,
            int lost,
            int doubled,
            ScaleProbe.Queue queue,
            long dbBytes,
            double cpuSeconds,
            double heapMiB,
            double serviceMiB,
            Map<String, Double> finishByWorkspace) {}

    /** What a step measured of the posts, before the heap is measured (so that none of its lists is counted). */
    private record Landing(
            int posts,
            double seconds,
            double floor,
            double worstLateMinutes,
            int lateOverFiveMinutes,
            int lost,
            int doubled,
            Map<String, Double> finishByWorkspace) {}

    /**
     * The heap after a collection, in MiB: before the fake Slack and the service started ({@code jvm}), and what the
     * fake Slack took with its directory of users and channels and the benchmark's lists of names ({@code fake}),
     * measured before the service started.
     */
    record Baseline(double jvmMiB, double fakeMiB) {}

    final String database;
    final double speed;
    final ScaledClock clock;
    final FakeSlack slack;
    final ConfigurableApplicationContext app;
    final List<PulseTeam> teams = new ArrayList<>();
    final ScaleProbe probe;
    final WorkQueue work;
    final Baseline baseline;
    private final Path h2File;

    /**
     * @param workspaces  how many workspaces; one runs in single-workspace mode (a bot token), more in multi-workspace
     *                    mode (an installation each)
     * @param spreadMinutes the teams' times are spread over this many minutes past the hour (0: all at once)
     */
    ScaleWeek(
            String database,
            int workspaces,
            int teamsPerWorkspace,
            int membersPerTeam,
            int spreadMinutes,
            double speed,
            String name)
            throws Exception {
        this.database = database;
        this.speed = speed;
        this.clock = new ScaledClock(speed, MONDAY.atTime(8, 0).atZone(ZONE).toInstant());
        double jvm = ScaleProbe.heapMiB();
        this.slack = new FakeSlack().counting(ScaleWeek::kindOf, KINDS);
        List<String> workspaceIds = new ArrayList<>();
        for (int w = 0; w < workspaces; w++) {
            String ws = String.format("TW%03d", w);
            workspaceIds.add(ws);
            slack.token(token(ws), ws);
        }
        if (workspaces == 1) {
            slack.token(ChildInstance.TOKEN, workspaceIds.get(0));
        }
        slack.enforceSlackLimits(speed);
        // The fake's directory first, so that the heap it takes is measured before the service starts.
        List<List<String>> peopleOf = new ArrayList<>();
        for (String ws : workspaceIds) {
            for (int t = 0; t < teamsPerWorkspace; t++) {
                List<String> people = new ArrayList<>();
                for (int m = 0; m < membersPerTeam; m++) {
                    String user = String.format("U%sX%04dM%03d", ws, t, m);
                    people.add(user);
                    slack.user(user, "Person " + user, ZONE.getId(), false);
                }
                slack.channel(channel(ws, t), people.toArray(String[]::new));
                peopleOf.add(List.copyOf(people));
            }
        }
        this.baseline = new Baseline(jvm, ScaleProbe.heapMiB() - jvm);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--pulse.playground.enabled=false",
                "--pulse.pseudonym-secret=scale-benchmark-pseudonym-secret-0123456789",
                "--slack.signing-secret=" + ChildInstance.SECRET,
                "--slack.api-url=" + slack.apiUrl(),
                // The service paces itself to Slack's limits as fast as the fake enforces them.
                "--slack.benchmark-time-compression=" + speed,
                // As a host serving this many workspaces at once would set it (the default, 16, suits one company).
                "--pulse.work.threads=" + Integer.getInteger("bench.work-threads", 128),
                "--spring.quartz.auto-startup=false",
                "--logging.level.root=WARN"));
        if (database.equals("postgres")) {
            h2File = null;
            args.add("--spring.datasource.url=" + TestDatabases.postgresUrl());
            args.add("--spring.datasource.username=postgres");
            args.add("--spring.datasource.password=");
        } else {
            h2File = Path.of("target", "bench-db", name + "-" + System.nanoTime(), "trust-pulse")
                    .toAbsolutePath();
            args.add("--spring.datasource.url=jdbc:h2:file:" + h2File
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;"
                    + "WRITE_DELAY=0");
        }
        if (workspaces == 1) {
            args.add("--slack.bot-token=" + ChildInstance.TOKEN);
        } else {
            byte[] key = new byte[32];
            for (int i = 0; i < key.length; i++) {
                key[i] = (byte) (i * 7 + 3);
            }
            args.add("--slack.client-id=1111.2222");
            args.add("--slack.client-secret=client-secret");
            args.add("--slack.token-encryption-key=" + Base64.getEncoder().encodeToString(key));
        }
        app = new SpringApplicationBuilder(Application.class)
                .initializers(clock.initializer())
                .run(args.toArray(String[]::new));
        if (workspaces > 1) {
            JdbcInstallationService installations = app.getBean(JdbcInstallationService.class);
            for (String ws : workspaceIds) {
                DefaultBot bot = new DefaultBot();
                bot.setTeamId(ws);
                bot.setBotAccessToken(token(ws));
                bot.setBotUserId("UBOT");
                bot.setBotId("BBOT");
                bot.setScope(String.join(",", SlackConfiguration.BOT_SCOPES));
                installations.saveBot(bot);
            }
        }
        TeamRepository teamRepository = app.getBean(TeamRepository.class);
        MemberRepository members = app.getBean(MemberRepository.class);
        int n = 0;
        for (String ws : workspaceIds) {
            for (int t = 0; t < teamsPerWorkspace; t++, n++) {
                int offset = spreadMinutes == 0 ? 0 : n % spreadMinutes;
                String channel = channel(ws, t);
                TeamSchedule schedule = TeamSchedule.defaults()
                        .withCheckIns(
                                java.util.EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                                CHECK_IN.plusMinutes(offset))
                        .withSummary(DayOfWeek.FRIDAY, CLOSE_AT.plusMinutes(offset))
                        .withNudges(java.util.Set.of(), LocalTime.of(10, 0))
                        .withReminder(Optional.of(REMINDER_DELAY));
                Team team = teamRepository.insert(new Team(
                        0, Platform.SLACK, ws, channel, "Team " + channel, ZONE, Language.EN, 3, schedule, false));
                List<String> people = peopleOf.get(n);
                for (int m = 0; m < people.size(); m++) {
                    String user = people.get(m);
                    members.save(new Member(
                            team.id(),
                            user,
                            "Person " + user,
                            m == 0 ? Role.LEADER : Role.MEMBER,
                            Optional.empty(),
                            false,
                            false));
                }
                teams.add(new PulseTeam(team.id(), ws, channel, people.get(0), people, offset));
            }
        }
        work = app.getBean(WorkQueue.class);
        probe = new ScaleProbe(app.getBean(JdbcClient.class), h2File);
    }

    private static String channel(String workspace, int team) {
        return String.format("C%sX%04d", workspace, team);
    }

    static String token(String workspace) {
        return "xoxb-" + workspace.toLowerCase(Locale.ROOT);
    }

    int members() {
        return teams.stream().mapToInt(t -> t.people().size()).sum();
    }

    /** A check-in round (slot 0, 1, 2 on Monday, Wednesday, Friday) at each team's time, in the first week. */
    StepResult checkIns(int slot) throws InterruptedException {
        return checkIns(0, slot);
    }

    /**
     * A check-in round (slot 0, 1, 2 on Monday, Wednesday, Friday) of the week ({@code week} weeks after the first) at
     * each team's time. Steps run in order: a later week's after every step of the earlier ones.
     */
    StepResult checkIns(int week, int slot) throws InterruptedException {
        LocalDate day = MONDAY.plusWeeks(week).plusDays(2L * slot);
        return step(
                name(week, day.getDayOfWeek() + " check-ins"),
                day.atTime(CHECK_IN),
                ROUND,
                t -> t.id() + "@" + at(day, CHECK_IN, t).toEpochMilli(),
                t -> at(day, CHECK_IN, t),
                KIND_CHECK_IN,
                t -> t.people(),
                3 * week + slot + 1);
    }

    /** The reminder round after each team's check-in round of the week, {@link #REMINDER_DELAY} later. */
    StepResult reminders(int week, int slot) throws InterruptedException {
        LocalDate day = MONDAY.plusWeeks(week).plusDays(2L * slot);
        LocalTime time = CHECK_IN.plus(REMINDER_DELAY);
        WeekId weekId = WeekId.of(day);
        return step(
                name(week, day.getDayOfWeek() + " reminders"),
                day.atTime(time),
                REMINDERS,
                t -> t.id() + ":" + weekId + ":" + slot,
                t -> at(day, time, t),
                KIND_REMINDER,
                t -> t.people(),
                week + 1);
    }

    /** The week's close on Friday at each team's time: the pulse in the channel and the leader's digest. */
    StepResult weekClose(int week) throws InterruptedException {
        LocalDate day = MONDAY.plusWeeks(week).plusDays(4);
        return step(
                name(week, "FRIDAY close + digest"),
                day.atTime(CLOSE_AT),
                CLOSE,
                t -> t.id() + "@" + at(day, CLOSE_AT, t).toEpochMilli(),
                t -> at(day, CLOSE_AT, t),
                KIND_CLOSE,
                t -> List.of(t.channel(), t.leader()),
                week + 1);
    }

    /** A step's name, with its week when it is not the first. */
    private static String name(int week, String step) {
        return week == 0 ? step : "wk" + (week + 1) + " " + step;
    }

    private static Instant at(LocalDate day, LocalTime time, PulseTeam t) {
        return day.atTime(time.plusMinutes(t.offsetMinutes())).atZone(ZONE).toInstant();
    }

    private StepResult step(
            String name,
            java.time.LocalDateTime start,
            String kind,
            java.util.function.Function<PulseTeam, String> key,
            java.util.function.Function<PulseTeam, Instant> due,
            int postKind,
            java.util.function.Function<PulseTeam, List<String>> recipients,
            int expectedEach)
            throws InterruptedException {
        double cpuBefore = ScaleProbe.cpuSeconds();
        probe.reset();
        Landing landing = run(start, kind, key, due, postKind, recipients, expectedEach);
        double cpu = ScaleProbe.cpuSeconds() - cpuBefore;
        ScaleProbe.Queue queue = probe.reset();
        double heap = ScaleProbe.heapMiB();
        return new StepResult(
                name,
                landing.posts(),
                landing.seconds(),
                landing.floor(),
                landing.worstLateMinutes(),
                landing.lateOverFiveMinutes(),
                landing.lost(),
                landing.doubled(),
                queue,
                probe.databaseBytes(),
                cpu,
                heap,
                serviceMiB(heap),
                landing.finishByWorkspace());
    }

    /**
     * The service's share of a heap measured after a collection: less what the JVM held before the fake and the
     * service started, what the fake took with its directory before the service started, and what the fake has
     * counted since.
     */
    double serviceMiB(double heapMiB) {
        return heapMiB - baseline.jvmMiB() - baseline.fakeMiB() - slack.countingBytes() / 1048576.0;
    }

    /** Queues the step's work at each team's time and waits until its posts landed; what it measured of them. */
    private Landing run(
            java.time.LocalDateTime start,
            String kind,
            java.util.function.Function<PulseTeam, String> key,
            java.util.function.Function<PulseTeam, Instant> due,
            int postKind,
            java.util.function.Function<PulseTeam, List<String>> recipients,
            int expectedEach)
            throws InterruptedException {
        Instant startApp = start.atZone(ZONE).toInstant();
        // the conversations the step posts to, the team of each, and how many of the step's kind each had before
        List<String> conversations = new ArrayList<>();
        List<PulseTeam> teamOf = new ArrayList<>();
        for (PulseTeam t : teams) {
            for (String r : recipients.apply(t)) {
                conversations.add(r.startsWith("C") ? r : "D" + r);
                teamOf.add(t);
            }
        }
        PostCounts counts = slack.counts();
        int[] before = new int[conversations.size()];
        for (int c = 0; c < before.length; c++) {
            before[c] = counts.count(conversations.get(c), postKind);
        }
        long t0 = System.nanoTime();
        clock.set(startApp);
        Instant realStart = Instant.now();
        double[] arrivals = new double[teams.size()];
        int[] posts = new int[teams.size()];
        int expectedPosts = 0;
        for (int i = 0; i < teams.size(); i++) {
            PulseTeam t = teams.get(i);
            Duration offset = clock.real(Duration.between(startApp, due.apply(t)));
            arrivals[i] = offset.toNanos() / 1e9;
            posts[i] = recipients.apply(t).size();
            expectedPosts += posts[i];
            work.enqueueAt(kind, key.apply(t), "", realStart.plus(offset));
        }
        // Slack's limits are per workspace: the floor is that of the workspace that takes longest.
        double floor = 0;
        for (String ws : teams.stream().map(PulseTeam::workspace).distinct().toList()) {
            int[] ofWorkspace = new int[teams.size()];
            for (int i = 0; i < teams.size(); i++) {
                ofWorkspace[i] = teams.get(i).workspace().equals(ws) ? posts[i] : 0;
            }
            floor = Math.max(floor, ScaleProbe.floorSeconds(arrivals, ofWorkspace, 10 * speed));
        }
        // Waits until everything landed, or nothing more landed for two minutes (what is missing then counts as lost).
        int seen = 0;
        long lastProgress = System.nanoTime();
        while (seen < expectedPosts && System.nanoTime() - lastProgress < 120_000_000_000L) {
            Thread.sleep(500);
            int now = landedSince(conversations, before, postKind);
            if (now > seen) {
                seen = now;
                lastProgress = System.nanoTime();
            }
        }
        long lastNanos = t0;
        for (int c = 0; c < before.length; c++) {
            lastNanos = Math.max(lastNanos, lastOfStep(conversations.get(c), before[c], postKind, t0));
        }
        double seconds = (lastNanos - t0) / 1e9;
        Thread.sleep(3000);
        int landed = landedSince(conversations, before, postKind);
        // lateness of each team's last post of the step after its own time, in the service's (compressed) time
        Map<Long, Long> lastByTeam = new HashMap<>();
        Map<String, Double> finishByWorkspace = new java.util.TreeMap<>();
        for (int c = 0; c < before.length; c++) {
            long last = lastOfStep(conversations.get(c), before[c], postKind, t0);
            if (last != Long.MIN_VALUE) {
                PulseTeam t = teamOf.get(c);
                lastByTeam.merge(t.id(), last, Math::max);
                finishByWorkspace.merge(t.workspace(), (last - t0) / 1e9, Math::max);
            }
        }
        double worstLate = 0;
        int overFive = 0;
        for (int i = 0; i < teams.size(); i++) {
            Long last = lastByTeam.get(teams.get(i).id());
            double lateReal = last == null ? Double.POSITIVE_INFINITY : (last - t0) / 1e9 - arrivals[i];
            double lateMinutes = lateReal * speed / 60;
            worstLate = Math.max(worstLate, lateMinutes);
            if (lateMinutes > 5) {
                overFive++;
            }
        }
        // lost and doubled: everyone's count of this kind over the whole week so far
        int lost = 0;
        int doubled = 0;
        for (String conversation : conversations) {
            int count = counts.count(conversation, postKind);
            if (count < expectedEach) {
                lost++;
            } else if (count > expectedEach) {
                doubled++;
            }
        }
        return new Landing(landed, seconds, floor, worstLate, overFive, lost, doubled, finishByWorkspace);
    }

    /** How many posts of the kind landed in these conversations since their counts were {@code before}. */
    private int landedSince(List<String> conversations, int[] before, int postKind) {
        int landed = 0;
        for (int c = 0; c < before.length; c++) {
            landed += Math.max(0, slack.counts().count(conversations.get(c), postKind) - before[c]);
        }
        return landed;
    }

    /** When the step's last post of the kind landed in the conversation, or {@link Long#MIN_VALUE} if none did. */
    private long lastOfStep(String conversation, int before, int postKind, long t0) {
        PostCounts counts = slack.counts();
        if (counts.count(conversation, postKind) <= before) {
            return Long.MIN_VALUE;
        }
        long last = counts.lastLanded(conversation, postKind).orElse(Long.MIN_VALUE);
        return last >= t0 ? last : Long.MIN_VALUE;
    }

    /** What a post is, from what the service sent: a check-in, a reminder, part of a close (the pulse or a digest). */
    static int kindOf(Map<String, String> params) {
        String text = params.getOrDefault("text", "");
        if (text == null) {
            text = "";
        }
        if (text.startsWith("A gentle reminder")) {
            return KIND_REMINDER;
        }
        if (text.startsWith("Team pulse") || text.startsWith("Your weekly digest")) {
            return KIND_CLOSE;
        }
        String blocks = params.get("blocks");
        if (blocks != null && blocks.contains("answer:")) {
            return KIND_CHECK_IN;
        }
        return KIND_OTHER;
    }

    static void header(BenchmarkReport report) {
        report.printf(
                "%-24s %7s %8s %8s %6s %9s %5s %5s %8s %9s %8s %8s %8s %8s%n",
                "step",
                "posts",
                "time s",
                "floor s",
                "x",
                "late min",
                "lost",
                "dbl",
                "q depth",
                "q age s",
                "db MiB",
                "CPU s",
                "heap MiB",
                "svc MiB");
    }

    static void print(BenchmarkReport report, StepResult r) {
        report.printf(
                Locale.ROOT,
                "%-24s %7d %8.1f %8.1f %6.2f %9.1f %5d %5d %8d %9.1f %8.1f %8.1f %8.0f %8.0f%n",
                r.name(),
                r.posts(),
                r.seconds(),
                r.floor(),
                r.floor() == 0 ? 0 : r.seconds() / r.floor(),
                r.worstLateMinutes(),
                r.lost(),
                r.doubled(),
                r.queue().maxDue(),
                r.queue().maxAge().toMillis() / 1000.0,
                r.dbBytes() / 1048576.0,
                r.cpuSeconds(),
                r.heapMiB(),
                r.serviceMiB());
    }

    @Override
    public void close() {
        probe.close();
        app.close();
        slack.close();
    }
}
