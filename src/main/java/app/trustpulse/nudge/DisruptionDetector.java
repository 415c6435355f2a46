package app.trustpulse.nudge;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides when a fall in a dimension is called a possible disruption (Six, 2004), and when it is only
 * "lower this week": a small team's weekly mean moves a lot by chance, so a drop counts only where the
 * answers can carry it.
 *
 * <p>The test: the mean of this week and last week together against the mean of the {@link #BASELINE_WEEKS}
 * weeks before them, in units of its standard error. That error has two parts: sampling (the pooled spread of
 * those weeks over their numbers of answers) and the team's own shared week-to-week variation (a deadline week
 * moves everyone a little), estimated from how much the baseline's weekly means vary beyond what sampling explains,
 * never taken as less than an SD of {@link #SHARED_FLOOR}. Both parts allow for moods that last from one week to the
 * next ({@link SharedMoods}), and the critical value comes from Student's t with Welch–Satterthwaite degrees of
 * freedom, since the shared part is known only from a few weeks. It is one-sided and Bonferroni-corrected: six
 * dimensions are tested every week, and with
 * {@code alpha = 1 / (52 * 6)} per test at most about one false alarm a year is expected even if every test
 * were independent (simulation shows fewer, see docs/method.md). Both weeks of the window need at least
 * {@link #MIN_ANSWERS} answers, the baseline at least {@link #MIN_BASELINE_WEEKS} such weeks, and this week
 * must itself still be below the baseline. A dimension that raised the alarm last week does not raise it again
 * this week: one fall, one alarm. A fall that does not pass the test (or could not be tested) but is
 * clearly more than a wobble against the weeks before (see {@link #watch}) is reported as lower, to watch,
 * never as a disruption.
 *
 * <p>Only published scores (at least the team's threshold of answers) are ever looked at.
 */
final class DisruptionDetector {

    public static final int MIN_ANSWERS = 5;
    static final int WINDOW_WEEKS = 2;
    static final int BASELINE_WEEKS = 8;
    static final int MIN_BASELINE_WEEKS = 3;
    /** How many weeks before the current one the tests of this week and of last week look at. */
    public static final int HISTORY_WEEKS = WINDOW_WEEKS + BASELINE_WEEKS;
    /** Weeks before the current one that "lower this week" compares with. */
    static final int WATCH_WEEKS = 4;

    public static final double WATCH_DROP = 0.5;
    /** The least fall, in standard errors against its own baseline, that makes a dimension the one falling. */
    static final double FALLING_Z = 1.0;
    /** One-sided 1 % for a single comparison, uncorrected: "lower" is a hint, and says so. */
    static final double Z_WATCH = Quantiles.normalUpper(0.01);

    static final double TESTS_PER_YEAR = 52.0 * 6;
    static final double Z_CRITICAL = Quantiles.normalUpper(1 / TESTS_PER_YEAR);
    /**
     * The smallest spread the test assumes: 1..5 answers rounded to whole points carry at least this much
     * noise, and it keeps a run of identical answers from making any small move look certain.
     */
    static final double MIN_SPREAD = 0.5;

    private static final double EPSILON = 1e-9;
    /**
     * The least shared week-to-week variation (SD on the 1–5 scale) the test assumes, whatever a few quiet weeks
     * suggest: real teams have weeks that move everyone a little.
     */
    static final double SHARED_FLOOR = 0.15;

    /**
     * A fall of a dimension: how far below the baseline, the evidence as test statistic over its critical value
     * (1 or more passes the test; 0 when the data could not be tested), and the fall in standard errors.
     */
    public record Drop(Dimension dimension, double fall, double evidence, double standardised) {

        public Drop(Dimension dimension, double fall, double evidence) {
            this(dimension, fall, evidence, 0);
        }
    }

    /**
     * Disruptions (passed the test) and lower dimensions (did not), each the largest first, and the dimension that
     * fell most against its own baseline in standard errors without passing, if one fell by more than
     * {@link #FALLING_Z} of them.
     */
    public record Assessment(List<Drop> disruptions, List<Drop> lower, Optional<Drop> falling) {
        public Assessment {
            disruptions = List.copyOf(disruptions);
            lower = List.copyOf(lower);
        }

        public Assessment(List<Drop> disruptions, List<Drop> lower) {
            this(disruptions, lower, Optional.empty());
        }

        public static Assessment none() {
            return new Assessment(List.of(), List.of());
        }

        public Optional<Drop> strongest() {
            return disruptions.stream().findFirst();
        }

        public boolean isDisruption(Dimension d) {
            return disruptions.stream().anyMatch(x -> x.dimension() == d);
        }
    }

    /**
     * @param pulse   the week just closed
     * @param earlier published scores of the {@link #HISTORY_WEEKS} weeks before it (more is ignored)
     */
    public Assessment assess(WeeklyPulse pulse, Map<WeekId, Map<Dimension, PublishedScore>> earlier) {
        List<Drop> disruptions = new ArrayList<>();
        List<Drop> lower = new ArrayList<>();
        if (pulse.withheld()) {
            return Assessment.none();
        }
        // weeksBack.get(0) is this week, get(1) last week, and so on.
        List<Map<Dimension, PublishedScore>> weeksBack = new ArrayList<>(HISTORY_WEEKS + 1);
        Map<Dimension, PublishedScore> thisWeek = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.inModelOrder()) {
            pulse.score(d).flatMap(s -> s.published()).ifPresent(s -> thisWeek.put(d, s));
        }
        weeksBack.add(thisWeek);
        for (int back = 1; back <= HISTORY_WEEKS; back++) {
            weeksBack.add(earlier.getOrDefault(pulse.week().minus(back), Map.of()));
        }
        Optional<Drop> falling = Optional.empty();
        for (Dimension d : thisWeek.keySet()) {
            Optional<Drop> tested = test(d, 0, weeksBack);
            Optional<Drop> standardised = tested.filter(t -> t.standardised() >= FALLING_Z);
            if (standardised.isPresent()
                    && !passes(standardised.get())
                    && (falling.isEmpty()
                            || standardised.get().standardised() > falling.get().standardised())) {
                falling = standardised;
            }
            if (tested.isPresent() && passes(tested.get())) {
                // One fall, one alarm: the leader heard of it last week.
                if (!test(d, 1, weeksBack).map(DisruptionDetector::passes).orElse(false)) {
                    disruptions.add(tested.get());
                }
                continue;
            }
            watch(d, weeksBack, tested.map(Drop::evidence).orElse(0.0)).ifPresent(lower::add);
        }
        Comparator<Drop> largestFirst =
                Comparator.comparingDouble(Drop::fall).reversed().thenComparing(Drop::dimension);
        disruptions.sort(Comparator.comparingDouble(Drop::evidence).reversed().thenComparing(Drop::dimension));
        lower.sort(largestFirst);
        return new Assessment(disruptions, lower, falling);
    }

    private static boolean passes(Drop drop) {
        return drop.evidence() >= 1 - EPSILON;
    }

    /** The standard-error test of the week {@code at} weeks back, when the data allow one. */
    private Optional<Drop> test(Dimension d, int at, List<Map<Dimension, PublishedScore>> weeksBack) {
        Pool window = new Pool();
        Pool baseline = new Pool();
        Pool spread = new Pool();
        PublishedScore now = weeksBack.get(at).get(d);
        for (int back = at; back < at + WINDOW_WEEKS; back++) {
            PublishedScore s = weeksBack.get(back).get(d);
            if (s == null || s.answers() < MIN_ANSWERS) {
                return Optional.empty();
            }
            window.add(s);
            spread.addSpread(s);
        }
        List<PublishedScore> baselineScores = new ArrayList<>();
        for (int back = at + WINDOW_WEEKS; back < at + WINDOW_WEEKS + BASELINE_WEEKS; back++) {
            PublishedScore s = weeksBack.get(back).get(d);
            if (s != null && s.answers() >= MIN_ANSWERS) {
                baseline.add(s);
                spread.addSpread(s);
                baselineScores.add(s);
            }
        }
        if (baselineScores.size() < MIN_BASELINE_WEEKS) {
            return Optional.empty();
        }
        double fall = baseline.mean() - window.mean();
        if (baseline.mean() - now.mean() <= 0) {
            return Optional.of(new Drop(d, fall, 0));
        }
        double sd = Math.max(MIN_SPREAD, spread.pooledSpread().orElse(MIN_SPREAD));
        // Sampling error: people differ, different people answer each week, and a person's mood lasts.
        double sampling = sd
                * sd
                * (1.0 / window.answers + 1.0 / baseline.answers)
                * SharedMoods.persistenceFactor(WINDOW_WEEKS, baselineScores.size());
        // Shared error: the whole team's weeks differ too (a deadline, a rumour), and such moods last.
        double weekVariance = Math.max(SHARED_FLOOR * SHARED_FLOOR, sharedWeekVariance(baselineScores, sd));
        double shared = weekVariance * SharedMoods.differenceFactor(WINDOW_WEEKS, baselineScores.size());
        double standardError = Math.sqrt(sampling + shared);
        double samplingDf = spread.degreesOfFreedom;
        double sharedDf = baselineScores.size() - 1;
        if (samplingDf <= 0) {
            return Optional.of(new Drop(d, fall, 0));
        }
        // Welch–Satterthwaite: the shared part is known only from the baseline's few weeks.
        double df = (sampling + shared)
                * (sampling + shared)
                / (sampling * sampling / samplingDf + shared * shared / sharedDf);
        double critical = Quantiles.studentUpper(Z_CRITICAL, Math.max(1, df));
        double z = fall / standardError;
        return Optional.of(new Drop(d, fall, Math.max(0, z / critical), z));
    }

    /**
     * The team's own week-to-week variance of a dimension beyond what sampling explains: the variance of the
     * baseline's weekly means less the part that different answers each week give ({@code sd² / n} on average).
     */
    static double sharedWeekVariance(List<PublishedScore> weeks, double sd) {
        double mean = 0;
        double sampling = 0;
        for (PublishedScore s : weeks) {
            mean += s.mean();
            sampling += sd * sd / s.answers();
        }
        mean /= weeks.size();
        sampling /= weeks.size();
        double squares = 0;
        for (PublishedScore s : weeks) {
            squares += (s.mean() - mean) * (s.mean() - mean);
        }
        return Math.max(0, squares / (weeks.size() - 1) - sampling);
    }

    /**
     * Lower than the published weeks before by at least {@link #WATCH_DROP}, and by at least {@link #Z_WATCH}
     * standard errors of this one comparison: worth a look, though over six dimensions a week such falls
     * also come by chance.
     */
    private Optional<Drop> watch(Dimension d, List<Map<Dimension, PublishedScore>> weeksBack, double evidence) {
        PublishedScore now = weeksBack.get(0).get(d);
        Pool before = new Pool();
        Pool spread = new Pool();
        spread.addSpread(now);
        for (int back = 1; back <= WATCH_WEEKS; back++) {
            PublishedScore s = weeksBack.get(back).get(d);
            if (s != null) {
                before.add(s);
                spread.addSpread(s);
            }
        }
        if (before.answers == 0) {
            return Optional.empty();
        }
        double fall = before.mean() - now.mean();
        double sd = Math.max(MIN_SPREAD, spread.pooledSpread().orElse(MIN_SPREAD));
        double standardError = sd * Math.sqrt(1.0 / now.answers() + 1.0 / before.answers);
        return fall >= WATCH_DROP - EPSILON && fall / standardError >= Z_WATCH
                ? Optional.of(new Drop(d, fall, evidence))
                : Optional.empty();
    }

    /** Answer-weighted mean and pooled variance of several weeks. */
    private static final class Pool {
        private double sum;
        private int answers;
        private double squares;
        private int degreesOfFreedom;

        void add(PublishedScore s) {
            sum += s.mean() * s.answers();
            answers += s.answers();
        }

        void addSpread(PublishedScore s) {
            if (s.spread().isPresent() && s.answers() > 1) {
                squares += s.spread().getAsDouble() * s.spread().getAsDouble() * (s.answers() - 1);
                degreesOfFreedom += s.answers() - 1;
            }
        }

        double mean() {
            return sum / answers;
        }

        Optional<Double> pooledSpread() {
            return degreesOfFreedom == 0 ? Optional.empty() : Optional.of(Math.sqrt(squares / degreesOfFreedom));
        }
    }
}
