package app.trustpulse.bench;

import app.trustpulse.nudge.NudgeCatalog;
import app.trustpulse.nudge.NudgeReview;
import app.trustpulse.nudge.SimulatedTeams;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * How far a leader can trust the alarms and the monthly review: simulated teams (see {@link SimulatedTeams})
 * driven through the real pulse calculator, alarm test, nudge choice and review, per team size and noise level.
 * Settings: team sizes, each person's week-to-week mood (SD), and the team's shared weekly mood (SD; with it,
 * moods last: AR(1) with correlation 0.5). Per setting it prints false alarms per team-year (real scores never
 * change), the share of real drops of 1.0 and of 0.5 flagged within two weeks, the review's mean reported effect
 * when nudges do nothing and when a tried nudge adds +0.3 from two weeks later, and how many monthly reviews a year
 * say "it worked" when nudges do nothing. Not part of the normal run; start it with
 * {@code ./mvnw test -Dtest=SignalQualityBenchmark} (optionally {@code -Dsignal.teamYears=...},
 * {@code -Dsignal.between=...} for the SD of people's own levels, default 0.3). Figures are printed, never asserted.
 */
class SignalQualityBenchmark {

    private static final BenchmarkReport REPORT = BenchmarkReport.of(SignalQualityBenchmark.class);

    private static final int[] SIZES = {4, 6, 8, 12, 20};
    private static final double[] NOISE = {0.4, 0.6, 0.8};
    private static final double PARTICIPATION = 0.8;
    /** Shared weekly mood SD and its persistence: none, then modest, then what a reorganisation rumour does. */
    private static final double[][] SHARED = {{0, 0}, {0.1, 0.5}, {0.2, 0.5}};

    private static final double DROP = 1.0;
    private static final double SMALL_DROP = 0.5;
    private static final double NUDGE_EFFECT = 0.3;

    @Test
    void printsSignalQualityPerSetting() throws Exception {
        int teamYears = Integer.getInteger("signal.teamYears", 500);
        double between = Double.parseDouble(System.getProperty("signal.between", "0.3"));
        NudgeCatalog catalog = new NudgeCatalog();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        List<Future<String>> lines = new ArrayList<>();
        for (double[] shared : SHARED) {
            for (int size : SIZES) {
                for (double noise : NOISE) {
                    SimulatedTeams.Setting setting =
                            new SimulatedTeams.Setting(size, noise, between, PARTICIPATION, shared[0], shared[1]);
                    lines.add(pool.submit(() -> run(setting, catalog, teamYears)));
                }
            }
        }
        REPORT.printf(
                Locale.ROOT,
                "SIGNAL QUALITY: %d team-years per setting, participation %.0f %%, between-person SD %.1f, %d cores%n",
                teamYears,
                PARTICIPATION * 100,
                between,
                Runtime.getRuntime().availableProcessors());
        for (Future<String> line : lines) {
            REPORT.println(line.get());
        }
        pool.shutdown();
        REPORT.printf(Locale.ROOT, "SIGNAL QUALITY took %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static String run(SimulatedTeams.Setting setting, NudgeCatalog catalog, int teamYears) {
        SimulatedTeams teams = new SimulatedTeams(
                setting,
                catalog,
                1_000L * setting.size()
                        + Math.round(setting.noise() * 10)
                        + Math.round(setting.shared() * 100) * 100_000L);
        int falseAlarms = 0;
        int lowerWeeks = 0;
        int shippedRule = 0;
        double shippedReview = 0;
        int shippedReviews = 0;
        int falseVerdicts = 0;
        Mean nullEffect = new Mean();
        for (int y = 0; y < teamYears; y++) {
            SimulatedTeams.Year year = teams.year(0);
            falseAlarms += year.falseAlarms();
            falseVerdicts += year.falseVerdicts();
            lowerWeeks += year.lowerWeeks();
            shippedRule += year.naiveAlarms();
            if (!Double.isNaN(year.naiveEffect())) {
                shippedReview += year.naiveEffect();
                shippedReviews++;
            }
            nullEffect.add(year.estimate());
        }
        int flagged = 0;
        int smallFlagged = 0;
        for (int y = 0; y < teamYears; y++) {
            if (teams.dropIsFlagged(DROP)) {
                flagged++;
            }
            if (teams.dropIsFlagged(SMALL_DROP)) {
                smallFlagged++;
            }
        }
        Mean trueEffect = new Mean();
        for (int y = 0; y < teamYears; y++) {
            trueEffect.add(teams.year(NUDGE_EFFECT).estimate());
        }
        return String.format(
                Locale.ROOT,
                "SIGNAL size=%d sd=%.1f shared_sd=%.1f false_alarms_per_team_year=%.2f power_drop_1_0=%.2f power_drop_0_5=%.2f"
                        + " null_effect=%+.2f true_effect_0_3=%+.2f review_false_verdicts_per_year=%.2f"
                        + "%n  DETAIL shared_persistence=%.1f shipped_rule_false_alarms_per_team_year=%.1f shipped_review_null_effect=%+.2f"
                        + " lower_this_week_per_team_year=%.1f reviews_with_a_number=%.2f null_margin=%.2f true_effect_margin=%.2f",
                setting.size(),
                setting.noise(),
                setting.shared(),
                falseAlarms / (double) teamYears,
                flagged / (double) teamYears,
                smallFlagged / (double) teamYears,
                signed(nullEffect.mean()),
                signed(trueEffect.mean()),
                falseVerdicts / (double) teamYears,
                setting.persistence(),
                shippedRule / (double) teamYears,
                shippedReview / shippedReviews,
                lowerWeeks / (double) teamYears,
                nullEffect.share(teamYears),
                nullEffect.margin(),
                trueEffect.margin());
    }

    /** Rounds first, so that a tiny negative mean prints as +0.00, not -0.00. */
    private static double signed(double value) {
        if (Double.isNaN(value)) {
            return value;
        }
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == 0 ? 0.0 : rounded;
    }

    /** Mean of the reviews that gave a number. */
    private static final class Mean {
        private double sum;
        private double margins;
        private int count;

        void add(Optional<NudgeReview.Estimate> estimate) {
            estimate.ifPresent(e -> {
                sum += e.effect();
                margins += e.margin();
                count++;
            });
        }

        double mean() {
            return count == 0 ? Double.NaN : sum / count;
        }

        double margin() {
            return count == 0 ? Double.NaN : margins / count;
        }

        double share(int of) {
            return count / (double) of;
        }
    }
}
