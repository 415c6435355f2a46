package app.trustpulse.slack;

import app.trustpulse.bench.BareSenders;
import app.trustpulse.bench.BenchmarkReport;
import app.trustpulse.bench.Finishes;
import app.trustpulse.bench.WindowPace;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.util.http.SlackHttpClient;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * A host serving 100 Slack workspaces of 100 people each (one team per workspace), every team's check-in round due at
 * the same moment. Slack's limits are per workspace, so the whole round can take as little as one workspace's floor
 * (100 posts at 600 a minute); it prints the round's time beside that floor and each workspace's finish, whose spread
 * says whether any workspace waited behind another's backlog. H2 (a file, the default) and PostgreSQL, time compressed
 * by a factor. Two rounds are measured: Monday's, the first after the start, in which the JVM also compiles the
 * service's code and each post learns its person's DM channel, and Wednesday's, the steady state. Not part of the
 * normal test run (see the surefire excludes); it prints its figures and asserts nothing.
 *
 * <p>Before the service, in the same JVM, the Slack SDK's own client sends as many check-ins as the round has to a
 * fresh fake with the same limits: no Spring, no database, a {@link MethodsClient} per workspace from the SDK's default
 * config pointed at the fake, the text and blocks of a check-in as the service posts them ({@code
 * check-in-message.json} beside this class: a member's Monday check-in, taken from a run), as many senders as the
 * service's rounds have, each workspace paced at its limit by a minimal pacer ({@link WindowPace}), after a round
 * that warms up the JVM. Its time is what this machine takes for the round at all, whatever the service does; the
 * service's lines say their time and CPU beside it.
 *
 * <p>Run: {@code ./mvnw test -Dtest=HostScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, smaller with
 * {@code -Dbench.workspaces=20}; {@code -Dbench.members=100}, {@code -Dbench.speed=1} (the compression),
 * {@code -Dbench.db=h2,postgres}, {@code -Dbench.work-threads=128}, {@code -Dbench.bare=false} to leave out the bare
 * SDK's round, {@code -Dbench.bare-warmups=1} (its rounds before the one measured).
 */
class HostScaleBenchmark {

    private static final BenchmarkReport REPORT = BenchmarkReport.of(HostScaleBenchmark.class);

    /** The bare SDK's round in this run: its time and CPU per post. */
    private record Bare(double seconds, double cpuMsPerPost) {}

    @Test
    void aCheckInRoundInAHundredWorkspacesAtOnce() throws Exception {
        int workspaces = Integer.getInteger("bench.workspaces", 100);
        int size = Integer.getInteger("bench.members", 100);
        double speed = Double.parseDouble(System.getProperty("bench.speed", "1"));
        Optional<Bare> bare = Boolean.parseBoolean(System.getProperty("bench.bare", "true"))
                ? Optional.of(bareRound(workspaces, size, speed))
                : Optional.empty();
        for (String db : System.getProperty("bench.db", "h2,postgres").split(",")) {
            try (ScaleWeek week = new ScaleWeek(db, workspaces, 1, size, 0, speed, "host")) {
                REPORT.printf(
                        "%n%s: %d workspaces of %d people, one team each, every round due at once; time compressed"
                                + " %.0fx (600 posts a minute per workspace become %.0f)%n",
                        db.equals("h2") ? "H2 file (the default)" : "PostgreSQL", workspaces, size, speed, 600 * speed);
                ScaleWeek.header(REPORT);
                // Monday's round is the first after the start: the JVM compiles the service's code, and every post
                // learns its person's DM channel. Wednesday's is the steady state of a host that runs rounds all week.
                List<ScaleWeek.StepResult> rounds = List.of(week.checkIns(0), week.checkIns(1));
                rounds.forEach(r -> ScaleWeek.print(REPORT, r));
                for (ScaleWeek.StepResult round : rounds) {
                    Map<String, Double> finish = round.finishByWorkspace();
                    Finishes finishes = new Finishes(finish);
                    double first = finishes.first();
                    double last = finishes.last();
                    double msPerPost = round.posts() == 0 ? 0 : round.cpuSeconds() * 1000 / round.posts();
                    REPORT.printf(
                            Locale.ROOT,
                            "%s: round %.1f s = %.2fx one workspace's floor of %.1f s (target 1.2x)%s; workspaces finished"
                                    + " between %.1f s and %.1f s (spread %.1f s), %d of %d reached; CPU %.1f ms per post"
                                    + " (whole JVM, the fake included)%s%n",
                            round == rounds.get(0) ? "first round after the start (Monday)" : "next round (Wednesday)",
                            round.seconds(),
                            round.seconds() / round.floor(),
                            round.floor(),
                            bare.map(b -> String.format(
                                            Locale.ROOT,
                                            ", %.2fx the bare SDK's %.1f s",
                                            round.seconds() / b.seconds(),
                                            b.seconds()))
                                    .orElse(""),
                            first,
                            last,
                            last - first,
                            finish.size(),
                            workspaces,
                            msPerPost,
                            bare.map(b -> String.format(
                                            Locale.ROOT,
                                            ", %.2fx the bare SDK's %.1f ms",
                                            msPerPost / b.cpuMsPerPost(),
                                            b.cpuMsPerPost()))
                                    .orElse(""));
                    StringBuilder each = new StringBuilder("finish per workspace (s):");
                    finish.forEach((ws, s) -> each.append(String.format(Locale.ROOT, " %s %.1f", ws, s)));
                    REPORT.println(each.toString());
                }
            }
        }
    }

    private static int workThreads() {
        return Integer.getInteger("bench.work-threads", 128);
    }

    private static String workspace(int w) {
        return String.format("TW%03d", w);
    }

    /** A member of the workspace's one team, as {@link ScaleWeek} names them. */
    private static String person(int w, int m) {
        return String.format("U%sX%04dM%03d", workspace(w), 0, m);
    }

    /**
     * The same number of check-ins, posted by the Slack SDK's own client to a fresh fake with the same limits, to the
     * same people: what the round takes on this machine without the service. Rounds to warm up the JVM go
     * first ({@link BareSenders#measure}).
     */
    private static Bare bareRound(int workspaces, int size, double speed) throws Exception {
        JsonObject message;
        try (InputStream in = HostScaleBenchmark.class.getResourceAsStream("check-in-message.json")) {
            message = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        }
        String text = message.get("text").getAsString();
        String blocks = message.get("blocks").toString();
        // A round sends to one person at a time on Slack (its gateway's parallel sends: 1), one round per worker.
        int senders = Math.min(workspaces, workThreads());
        BareSenders.Measured measured = BareSenders.measure(
                Integer.getInteger("bench.bare-warmups", 1),
                () -> bareSends(workspaces, size, speed, senders, text, blocks));
        BareSenders.Round round = measured.round();
        double floor = size / (10 * speed);
        REPORT.printf(
                Locale.ROOT,
                "%nbare SDK (MethodsClient, no Spring, no database): %d workspaces of %d people, %d senders, each"
                        + " workspace paced at %.0f posts a minute, a check-in of %d bytes of blocks a post%n%s%n",
                workspaces,
                size,
                senders,
                600 * speed,
                round.bytesPerPost(),
                measured.describe("workspace", floor, workspaces * size));
        return new Bare(round.finishes().last(), round.msPerPost());
    }

    private static BareSenders.Round bareSends(
            int workspaces, int size, double speed, int senders, String text, String blocks) throws Exception {
        try (FakeSlack fake = new FakeSlack().counting(ScaleWeek::kindOf, ScaleWeek.KINDS)) {
            fake.enforceSlackLimits(speed);
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(fake.apiUrl());
            // OkHttp keeps 5 idle connections unless told otherwise: with more calls than that at once, every round
            // would close the rest and open new ones. The client keeps as many as the service's does (its call
            // threads); all else is the SDK's default.
            int callThreads = workThreads() + SlackConfiguration.CALL_THREADS_BESIDE_WORKERS;
            OkHttpClient http = SlackHttpClient.buildOkHttpClient(config)
                    .newBuilder()
                    .connectionPool(new ConnectionPool(
                            callThreads, SlackConfiguration.IDLE_CONNECTION_KEPT.toMinutes(), TimeUnit.MINUTES))
                    .build();
            SlackHttpClient httpClient = new SlackHttpClient(http);
            httpClient.setConfig(config);
            Slack slack = Slack.getInstance(config, httpClient);
            List<MethodsClient> clients = new ArrayList<>();
            List<WindowPace> paces = new ArrayList<>();
            // Slack's 600 posts a minute per workspace, a steady rate: as many as a second's worth at once, as the
            // fake's bucket holds.
            double perSecond = 10 * speed;
            int burst = Math.max(1, (int) Math.floor(perSecond));
            for (int w = 0; w < workspaces; w++) {
                String token = ScaleWeek.token(workspace(w));
                fake.token(token, workspace(w));
                clients.add(slack.methods(token));
                paces.add(new WindowPace(burst, Duration.ofNanos((long) (burst / perSecond * 1e9))));
            }
            BareSenders.Sent sent = BareSenders.sendToEveryone(
                    senders,
                    workspaces,
                    size,
                    (w, m) -> send(clients.get(w), paces.get(w), person(w, m), text, blocks));
            long t0 = sent.startNanos();
            slack.close();
            Map<String, Double> finish = new TreeMap<>();
            int posted = 0;
            for (int w = 0; w < workspaces; w++) {
                for (int m = 0; m < size; m++) {
                    String dm = "D" + person(w, m);
                    posted += fake.counts().count(dm, ScaleWeek.KIND_CHECK_IN);
                    long landed = fake.counts()
                            .lastLanded(dm, ScaleWeek.KIND_CHECK_IN)
                            .orElse(t0);
                    finish.merge(workspace(w), (landed - t0) / 1e9, Math::max);
                }
            }
            return new BareSenders.Round(
                    new Finishes(finish),
                    sent.cpuSeconds(),
                    posted,
                    fake.callCount("chat.postMessage") - posted,
                    blocks.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    /** One check-in, as a bot posts it with the SDK: paced, and posted again after a 429's Retry-After. */
    private static void send(MethodsClient client, WindowPace pace, String user, String text, String blocks)
            throws Exception {
        while (true) {
            pace.acquire();
            try {
                ChatPostMessageResponse posted = client.chatPostMessage(r -> r.channel(user)
                        .text(text)
                        .blocksAsString(blocks)
                        .unfurlLinks(false)
                        .unfurlMedia(false));
                if (!posted.isOk()) {
                    throw new IllegalStateException("chat.postMessage: " + posted.getError());
                }
                return;
            } catch (SlackApiException e) {
                if (e.getResponse().code() != 429) {
                    throw e;
                }
            } finally {
                pace.done();
            }
            // The fake's Retry-After.
            Thread.sleep(1000);
        }
    }
}
