package app.trustpulse.slack;

import app.trustpulse.bench.BenchmarkReport;
import app.trustpulse.bench.ScaleProbe;
import java.util.ArrayList;
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
 * and oldest due work, the database's size, CPU time and the heap after a collection. Not part of the normal test run
 * (see the surefire excludes); it prints its figures and asserts nothing.
 *
 * <p>Run: {@code ./mvnw test -Dtest=OrganisationScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, smaller with
 * {@code -Dbench.teams=100}; {@code -Dbench.speed=10} (the compression), {@code -Dbench.db=h2,postgres}.
 */
class OrganisationScaleBenchmark {

    private static final BenchmarkReport REPORT = BenchmarkReport.of(OrganisationScaleBenchmark.class);

    @Test
    void aWeekOfAThousandTeamsInOneWorkspace() throws Exception {
        int teams = Integer.getInteger("bench.teams", 1000);
        int size = Integer.getInteger("bench.members", 10);
        double speed = Double.parseDouble(System.getProperty("bench.speed", "10"));
        int spread = Integer.getInteger("bench.spread", 30);
        for (String db : System.getProperty("bench.db", "h2,postgres").split(",")) {
            try (ScaleWeek week = new ScaleWeek(db, 1, teams, size, spread, speed, "organisation")) {
                long setupBytes = week.probe.databaseBytes();
                REPORT.printf(
                        "%n%s: %,d teams of %d (%,d people) in one workspace; time compressed %.0fx (600 posts a"
                                + " minute become %.0f, a minute of the service's clock %.1f s); team times spread"
                                + " over %d minutes; heap after setup %.0f MiB, database %.1f MiB%n",
                        db.equals("h2") ? "H2 file (the default)" : "PostgreSQL",
                        teams,
                        size,
                        week.members(),
                        speed,
                        600 * speed,
                        60 / speed,
                        spread,
                        ScaleProbe.heapMiB(),
                        setupBytes / 1048576.0);
                ScaleWeek.header(REPORT);
                List<ScaleWeek.StepResult> steps = new ArrayList<>();
                for (int slot = 0; slot < 3; slot++) {
                    steps.add(week.checkIns(slot));
                    ScaleWeek.print(REPORT, steps.get(steps.size() - 1));
                    if (slot == 0) {
                        // a person gets one reminder a week: after the first check-in they left unanswered
                        steps.add(week.reminders(slot));
                        ScaleWeek.print(REPORT, steps.get(steps.size() - 1));
                    }
                }
                steps.add(week.weekClose());
                ScaleWeek.print(REPORT, steps.get(steps.size() - 1));
                long stored = steps.get(steps.size() - 1).dbBytes() - setupBytes;
                double cpu = steps.stream()
                        .mapToDouble(ScaleWeek.StepResult::cpuSeconds)
                        .sum();
                double worstRatio = steps.stream()
                        .mapToDouble(s -> s.seconds() / s.floor())
                        .max()
                        .orElse(0);
                REPORT.printf(
                        "week: %,d posts; worst step %.2fx its floor (target 1.1x); latest close or digest %.1f min"
                                + " after its time (target 5), %d teams later than 5 min; lost %d, doubled %d;"
                                + " %.0f bytes stored and %.4f CPU-seconds (whole JVM, the fake included) per"
                                + " member-week%n",
                        steps.stream().mapToInt(ScaleWeek.StepResult::posts).sum(),
                        worstRatio,
                        steps.get(steps.size() - 1).worstLateMinutes(),
                        steps.get(steps.size() - 1).lateOverFiveMinutes(),
                        steps.stream().mapToInt(ScaleWeek.StepResult::lost).sum(),
                        steps.stream().mapToInt(ScaleWeek.StepResult::doubled).sum(),
                        (double) stored / week.members(),
                        cpu / week.members());
            }
        }
    }
}
