package app.trustpulse.slack;

import app.trustpulse.bench.BenchmarkReport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A host serving 100 Slack workspaces of 100 people each (one team per workspace), every team's check-in round due at
 * the same moment. Slack's limits are per workspace, so the whole round can take as little as one workspace's floor
 * (100 posts at 600 a minute); it prints the round's time beside that floor and each workspace's finish, whose spread
 * says whether any workspace waited behind another's backlog. H2 (a file, the default) and PostgreSQL, time compressed
 * by a factor. Not part of the normal test run (see the surefire excludes); it prints its figures and asserts nothing.
 *
 * <p>Run: {@code ./mvnw test -Dtest=HostScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, smaller with
 * {@code -Dbench.workspaces=20}; {@code -Dbench.speed=1} (the compression), {@code -Dbench.db=h2,postgres}.
 */
class HostScaleBenchmark {

    private static final BenchmarkReport REPORT = BenchmarkReport.of(HostScaleBenchmark.class);

    @Test
    void aCheckInRoundInAHundredWorkspacesAtOnce() throws Exception {
        int workspaces = Integer.getInteger("bench.workspaces", 100);
        int size = Integer.getInteger("bench.members", 100);
        double speed = Double.parseDouble(System.getProperty("bench.speed", "1"));
        for (String db : System.getProperty("bench.db", "h2,postgres").split(",")) {
            try (ScaleWeek week = new ScaleWeek(db, workspaces, 1, size, 0, speed, "host")) {
                REPORT.printf(
                        "%n%s: %d workspaces of %d people, one team each, every round due at once; time compressed"
                                + " %.0fx (600 posts a minute per workspace become %.0f)%n",
                        db.equals("h2") ? "H2 file (the default)" : "PostgreSQL", workspaces, size, speed, 600 * speed);
                ScaleWeek.header(REPORT);
                ScaleWeek.StepResult round = week.checkIns(0);
                ScaleWeek.print(REPORT, round);
                Map<String, Double> finish = round.finishByWorkspace();
                double first = finish.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .min()
                        .orElse(0);
                double last = finish.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElse(0);
                REPORT.printf(
                        "round %.1f s = %.2fx one workspace's floor of %.1f s (target 1.2x); workspaces finished"
                                + " between %.1f s and %.1f s (spread %.1f s), %d of %d reached%n",
                        round.seconds(),
                        round.seconds() / round.floor(),
                        round.floor(),
                        first,
                        last,
                        last - first,
                        finish.size(),
                        workspaces);
                StringBuilder each = new StringBuilder("finish per workspace (s):");
                finish.forEach((ws, s) -> each.append(String.format(java.util.Locale.ROOT, " %s %.1f", ws, s)));
                REPORT.println(each.toString());
            }
        }
    }
}
