package app.trustpulse.slack;

import app.trustpulse.bench.BenchmarkReport;
import app.trustpulse.bench.ScaleProbe;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 10,000-person organisation in one Slack workspace: 1,000 teams of 10 (a leader and nine members), each with its
 * check-ins on Monday, Wednesday and Friday at its own time (spread over half an hour), a reminder four hours after
 * Monday's (nobody answers, and a person gets one reminder a week), and its week close with the pulse and the leader's
 * digest on Friday at its own time; run on H2 (a file, the default) and on PostgreSQL, against the fake Slack
 * enforcing Slack's limits per workspace (600 posts a minute), with time
 * compressed by a factor. Per step it prints the time beside the floor (the posts at the workspace's rate, arriving
 * at the teams' times), the latest team (in the service's time), lost and doubled messages, the durable queue's depth
 * and oldest due work, the database's size, CPU time, the heap after a collection and the service's share of it (the
 * heap less what the JVM, the fake Slack and its directory held before the service started, and what the fake counted
 * since; the fake keeps no posts). Not part of the normal test run (see the surefire excludes); it prints its figures
 * and asserts nothing.
 *
 * <p>Run: {@code ./mvnw test -Dtest=OrganisationScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, smaller with
 * {@code -Dbench.teams=100}; {@code -Dbench.speed=10} (the compression), {@code -Dbench.db=h2,postgres},
 * {@code -Dbench.spread=30} (the minutes the teams' times are spread over), {@code -Dbench.weeks=1} (more weeks, one
 * after the other, to see whether memory stays flat over time).
 */
class OrganisationScaleBenchmark {

    private static final BenchmarkReport REPORT = BenchmarkReport.of(OrganisationScaleBenchmark.class);

    @Test
    void aWeekOfAThousandTeamsInOneWorkspace() throws Exception {
        int teams = Integer.getInteger("bench.teams", 1000);
        int size = Integer.getInteger("bench.members", 10);
        double speed = Double.parseDouble(System.getProperty("bench.speed", "10"));
        int spread = Integer.getInteger("bench.spread", 30);
        int weeks = Integer.getInteger("bench.weeks", 1);
        for (String db : System.getProperty("bench.db", "h2,postgres").split(",")) {
            try (ScaleWeek week = new ScaleWeek(db, 1, teams, size, spread, speed, "organisation")) {
                long setupBytes = week.probe.databaseBytes();
                double setupHeap = ScaleProbe.heapMiB();
                REPORT.printf(
                        "%n%s: %,d teams of %d (%,d people) in one workspace; time compressed %.0fx (600 posts a"
                                + " minute become %.0f, a minute of the service's clock %.1f s); team times spread"
                                + " over %d minutes%s; heap after setup %.0f MiB, database %.1f MiB%n",
                        db.equals("h2") ? "H2 file (the default)" : "PostgreSQL",
                        teams,
                        size,
                        week.members(),
                        speed,
                        600 * speed,
                        60 / speed,
                        spread,
                        weeks == 1 ? "" : String.format("; %d weeks", weeks),
                        setupHeap,
                        setupBytes / 1048576.0);
                REPORT.printf(
                        "memory: the fake Slack runs in the same JVM but keeps no posts, only per conversation a"
                                + " 64-bit hash, the count and the time of the last post of each kind (in primitive"
                                + " arrays) and the last 512 posts' ids, for lost and doubled messages; heap after a"
                                + " collection, after setup: %s%n",
                        breakdown(week, setupHeap));
                ScaleWeek.header(REPORT);
                List<ScaleWeek.StepResult> steps = new ArrayList<>();
                for (int w = 0; w < weeks; w++) {
                    for (int slot = 0; slot < 3; slot++) {
                        steps.add(week.checkIns(w, slot));
                        ScaleWeek.print(REPORT, steps.get(steps.size() - 1));
                        if (slot == 0) {
                            // a person gets one reminder a week: after the first check-in they left unanswered
                            steps.add(week.reminders(w, slot));
                            ScaleWeek.print(REPORT, steps.get(steps.size() - 1));
                        }
                    }
                    steps.add(week.weekClose(w));
                    ScaleWeek.print(REPORT, steps.get(steps.size() - 1));
                }
                long stored = steps.get(steps.size() - 1).dbBytes() - setupBytes;
                double cpu = steps.stream()
                        .mapToDouble(ScaleWeek.StepResult::cpuSeconds)
                        .sum();
                // a week always has its five steps, the last of them the close
                double worstRatio = steps.stream()
                        .mapToDouble(s -> s.seconds() / s.floor())
                        .max()
                        .orElseThrow();
                // the latest close or digest of any week, and the teams late with one
                List<ScaleWeek.StepResult> closes = steps.stream()
                        .filter(s -> s.name().endsWith("close + digest"))
                        .toList();
                REPORT.printf(
                        "%s: %,d posts; worst step %.2fx its floor (target 1.1x); latest close or digest %.1f min"
                                + " after its time (target 5), %d teams later than 5 min; lost %d, doubled %d;"
                                + " %.0f bytes stored and %.4f CPU-seconds (whole JVM, the fake included) per"
                                + " member-week%n",
                        weeks == 1 ? "week" : weeks + " weeks",
                        steps.stream().mapToInt(ScaleWeek.StepResult::posts).sum(),
                        worstRatio,
                        closes.stream()
                                .mapToDouble(ScaleWeek.StepResult::worstLateMinutes)
                                .max()
                                .orElseThrow(),
                        closes.stream()
                                .mapToInt(ScaleWeek.StepResult::lateOverFiveMinutes)
                                .sum(),
                        steps.stream().mapToInt(ScaleWeek.StepResult::lost).sum(),
                        steps.stream().mapToInt(ScaleWeek.StepResult::doubled).sum(),
                        (double) stored / week.members() / weeks,
                        cpu / week.members() / weeks);
                DoubleSummaryStatistics service = steps.stream()
                        .mapToDouble(ScaleWeek.StepResult::serviceMiB)
                        .summaryStatistics();
                REPORT.printf(
                        "memory at the end: %s; the service's share after each step %.0f-%.0f MiB%n",
                        breakdown(week, ScaleProbe.heapMiB()), service.getMin(), service.getMax());
            }
        }
    }

    /** The heap and what of it is not the service's. */
    private static String breakdown(ScaleWeek week, double heapMiB) {
        return String.format(
                java.util.Locale.ROOT,
                "%.1f MiB = the JVM before the fake and the service started %.1f + the fake Slack's server and"
                        + " directory (%,d users, %,d channels) %.1f + what it counted of the posts %.2f + the"
                        + " service %.1f",
                heapMiB,
                week.baseline.jvmMiB(),
                week.members(),
                week.teams.size(),
                week.baseline.fakeMiB(),
                week.slack.countingBytes() / 1048576.0,
                week.serviceMiB(heapMiB));
    }
}
