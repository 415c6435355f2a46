package app.trustpulse.nudge;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.CheckInPlanner;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.StatementRef;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Simulated teams answering check-ins, driven through the real pulse calculator, planner, alarm test, nudge
 * choice and review. The model: each person has a stable level per dimension (team level uniform in 3.0..4.0
 * plus a personal offset with SD {@code between}); each week each answer adds the item's own offset (three
 * rotating statements per dimension at -0.25, 0, +0.25), the person's mood with SD {@code noise} and the team's
 * shared mood of that week with SD {@code shared} (a deadline week, a rumour: everyone a little lower at once), and
 * is rounded to a whole point in 1..5. Both moods persist from week to week as AR(1) processes with correlation
 * {@code persistence} (0: independent every week). Each of the week's three check-ins is answered with probability
 * {@code participation}. The team's threshold is the minimum, 3.
 */
public final class SimulatedTeams {

    public static final int CHECK_INS_PER_WEEK = 3;
    static final double[] ITEM_OFFSETS = {-0.25, 0, 0.25};
    /** Weeks before the counted year, so the alarm test has its baseline from the first counted week. */
    public static final int WARM_UP_WEEKS = 10;

    public static final int YEAR_WEEKS = 52;
    static final WeekId FIRST_WEEK = new WeekId(2024, 1);

    public record Setting(
            int size, double noise, double between, double participation, double shared, double persistence) {

        /** Independent noise only: no shared weekly mood, no persistence. */
        public Setting(int size, double noise, double between, double participation) {
            this(size, noise, between, participation, 0, 0);
        }
    }

    /** What one simulated year of a team gave. */
    /**
     * @param naiveAlarms  weeks the rule this test replaced (a fall of 1.0 on last week, or 0.7 on the mean of
     *                     the four weeks before, on any published dimension) would have alarmed, for contrast
     * @param naiveEffect  what the review this one replaced would have shown: the two-week change from a week a
     *                     nudge was tried for, minus the two-week change from other weeks (NaN when it had no
     *                     weeks on a side), for contrast
     */
    /**
     * @param falseVerdicts monthly reviews of the counted year that said the tried nudges worked (the effect above
     *                      its margin)
     */
    public record Year(
            int falseAlarms,
            int naiveAlarms,
            int lowerWeeks,
            Optional<NudgeReview.Estimate> estimate,
            double naiveEffect,
            int falseVerdicts) {}

    private final Setting setting;
    private final Random random;
    private final PulseCalculator calculator = new PulseCalculator();
    private final CheckInPlanner planner = new CheckInPlanner(ITEM_OFFSETS.length);
    private final DisruptionDetector detector = new DisruptionDetector();
    private final NudgeSelector selector;

    public SimulatedTeams(Setting setting, NudgeCatalog catalog, long seed) {
        this.setting = setting;
        this.random = new Random(seed);
        this.selector = new NudgeSelector(catalog);
    }

    /**
     * A year of a team whose real scores never change except through nudges: counts the weeks with an alarm,
     * lets the leader try each chosen nudge with probability one half, and ends with the monthly review's
     * estimate over its usual history.
     *
     * @param nudgeEffect what a tried nudge adds to its dimension from the second to the fifth week after the
     *                    pulse it was chosen from
     */
    public Year year(double nudgeEffect) {
        Simulated team = new Simulated(random);
        List<SentNudge> nudges = new ArrayList<>();
        int falseAlarms = 0;
        int lowerWeeks = 0;
        int naiveAlarms = 0;
        int falseVerdicts = 0;
        int weeks = WARM_UP_WEEKS + YEAR_WEEKS;
        for (int t = 0; t < weeks; t++) {
            WeekId week = FIRST_WEEK.plus(t);
            WeeklyPulse pulse = team.close(week);
            NudgeSelector.Signals signals = selector.signals(Optional.of(pulse), team.earlier(week), Map.of());
            if (t >= WARM_UP_WEEKS && signals.drop().isPresent()) {
                falseAlarms++;
            }
            if (t >= WARM_UP_WEEKS && !signals.lower().isEmpty()) {
                lowerWeeks++;
            }
            if (t >= WARM_UP_WEEKS && naiveAlarm(pulse, team.earlier(week))) {
                naiveAlarms++;
            }
            Set<String> recent = new HashSet<>();
            for (SentNudge n : nudges) {
                if (n.week().compareTo(week.minus(NudgeSelector.NO_REPEAT_WEEKS)) > 0) {
                    recent.add(n.nudgeId());
                }
            }
            if (t >= WARM_UP_WEEKS
                    && (t - WARM_UP_WEEKS) % MonthlyReviews.PERIOD_WEEKS == MonthlyReviews.PERIOD_WEEKS - 1) {
                Optional<NudgeReview.Estimate> look = new NudgeReview()
                        .review(
                                nudges,
                                team.means(week.minus(MonthlyReviews.HISTORY_WEEKS), week.plus(1)),
                                week.minus(MonthlyReviews.PERIOD_WEEKS - 1),
                                week)
                        .estimate();
                if (look.isPresent() && look.get().effect() > look.get().margin()) {
                    falseVerdicts++;
                }
            }
            for (NudgeSelector.Pick pick : selector.choose(Language.EN, signals, recent, 3, week.ordinal())) {
                boolean tried = random.nextBoolean();
                nudges.add(new SentNudge(
                        nudges.size() + 1,
                        1,
                        "leader",
                        pick.nudge().id(),
                        Optional.of(pick.dimension()),
                        pick.reason(),
                        week,
                        SentNudge.Occasion.DIGEST,
                        Instant.EPOCH,
                        Optional.of(tried ? SentNudge.Reaction.TRIED : SentNudge.Reaction.NOT_YET)));
                if (tried && nudgeEffect != 0) {
                    for (int after = NudgeReview.POST_FROM; after <= NudgeReview.POST_FROM + 3; after++) {
                        team.lift(pick.dimension(), t + after, nudgeEffect);
                    }
                }
            }
        }
        WeekId last = FIRST_WEEK.plus(weeks - 1);
        NudgeReview.Review review = new NudgeReview()
                .review(
                        nudges,
                        team.means(last.minus(MonthlyReviews.HISTORY_WEEKS), last.plus(1)),
                        last.minus(MonthlyReviews.PERIOD_WEEKS - 1),
                        last);
        Map<WeekId, Map<Dimension, Double>> history =
                team.means(last.minus(MonthlyReviews.HISTORY_WEEKS), last.plus(1));
        return new Year(
                falseAlarms,
                naiveAlarms,
                lowerWeeks,
                review.estimate(),
                naiveEffect(nudges, history, last),
                falseVerdicts);
    }

    private static double naiveEffect(
            List<SentNudge> nudges, Map<WeekId, Map<Dimension, Double>> history, WeekId last) {
        Set<String> tried = new HashSet<>();
        for (SentNudge n : nudges) {
            if (n.reaction().equals(Optional.of(SentNudge.Reaction.TRIED))) {
                tried.add(n.dimension().orElseThrow() + "@" + n.week());
            }
        }
        double triedSum = 0;
        int triedWeeks = 0;
        double otherSum = 0;
        int otherWeeks = 0;
        for (Map.Entry<WeekId, Map<Dimension, Double>> e : history.entrySet()) {
            WeekId after = e.getKey().plus(2);
            if (after.compareTo(last) > 0) {
                continue;
            }
            for (Map.Entry<Dimension, Double> start : e.getValue().entrySet()) {
                Double end = history.getOrDefault(after, Map.of()).get(start.getKey());
                if (end == null) {
                    continue;
                }
                if (tried.contains(start.getKey() + "@" + e.getKey())) {
                    triedSum += end - start.getValue();
                    triedWeeks++;
                } else {
                    otherSum += end - start.getValue();
                    otherWeeks++;
                }
            }
        }
        return triedWeeks == 0 || otherWeeks == 0 ? Double.NaN : triedSum / triedWeeks - otherSum / otherWeeks;
    }

    private static boolean naiveAlarm(WeeklyPulse pulse, Map<WeekId, Map<Dimension, PublishedScore>> earlier) {
        for (Dimension d : Dimension.inModelOrder()) {
            Optional<Double> now = pulse.mean(d);
            if (now.isEmpty()) {
                continue;
            }
            PublishedScore last =
                    earlier.getOrDefault(pulse.week().minus(1), Map.of()).get(d);
            if (last != null && last.mean() - now.get() >= 1.0 - 1e-9) {
                return true;
            }
            double sum = 0;
            int weeks = 0;
            for (int back = 1; back <= 4; back++) {
                PublishedScore s =
                        earlier.getOrDefault(pulse.week().minus(back), Map.of()).get(d);
                if (s != null) {
                    sum += s.mean();
                    weeks++;
                }
            }
            if (weeks >= 2 && sum / weeks - now.get() >= 0.7 - 1e-9) {
                return true;
            }
        }
        return false;
    }

    /**
     * A team whose real score on one dimension falls by {@code drop} from a week on: true when the alarm test
     * calls it a disruption in that week or the next.
     */
    public boolean dropIsFlagged(double drop) {
        Simulated team = new Simulated(random);
        Dimension d = Dimension.byNumber(1 + random.nextInt(6));
        int dropWeek = WARM_UP_WEEKS;
        for (int t = dropWeek; t <= dropWeek + 1; t++) {
            team.lift(d, t, -drop);
        }
        boolean flagged = false;
        for (int t = 0; t <= dropWeek + 1; t++) {
            WeekId week = FIRST_WEEK.plus(t);
            WeeklyPulse pulse = team.close(week);
            if (t >= dropWeek) {
                flagged |= detector.assess(pulse, team.earlier(week)).isDisruption(d);
            }
        }
        return flagged;
    }

    /** One simulated team's people, real scores and closed weeks. */
    private final class Simulated {
        private final double[][] level;
        private final double[][] mood;
        private final double[] sharedMood = new double[6];
        private final Map<Integer, double[]> lift = new java.util.HashMap<>();
        private final Map<WeekId, Map<Dimension, PublishedScore>> published = new TreeMap<>();
        private final Map<WeekId, Map<Dimension, Double>> means = new TreeMap<>();
        private final Random random;

        Simulated(Random random) {
            this.random = random;
            level = new double[setting.size()][6];
            mood = new double[setting.size()][6];
            for (int d = 0; d < 6; d++) {
                double teamLevel = 3.0 + random.nextDouble();
                sharedMood[d] = setting.shared() * random.nextGaussian();
                for (int p = 0; p < setting.size(); p++) {
                    level[p][d] = teamLevel + setting.between() * random.nextGaussian();
                    mood[p][d] = setting.noise() * random.nextGaussian();
                }
            }
        }

        /** One week on: each mood keeps {@code persistence} of itself, its SD stays the same. */
        private void nextMoods() {
            double rho = setting.persistence();
            double fresh = Math.sqrt(1 - rho * rho);
            for (int d = 0; d < 6; d++) {
                sharedMood[d] = rho * sharedMood[d] + fresh * setting.shared() * random.nextGaussian();
                for (int p = 0; p < setting.size(); p++) {
                    mood[p][d] = rho * mood[p][d] + fresh * setting.noise() * random.nextGaussian();
                }
            }
        }

        /** Adds to the real score of a dimension in one week; lifts of nudges do not stack beyond one. */
        void lift(Dimension d, int weekIndex, double amount) {
            double[] l = lift.computeIfAbsent(weekIndex, w -> new double[6]);
            l[d.ordinal()] = amount < 0 ? l[d.ordinal()] + amount : Math.max(l[d.ordinal()], amount);
        }

        WeeklyPulse close(WeekId week) {
            int t = (int) (week.ordinal() - FIRST_WEEK.ordinal());
            double[] l = lift.getOrDefault(t, new double[6]);
            nextMoods();
            List<Answer> answers = new ArrayList<>();
            for (int p = 0; p < setting.size(); p++) {
                for (int slot = 0; slot < CHECK_INS_PER_WEEK; slot++) {
                    if (random.nextDouble() >= setting.participation()) {
                        continue;
                    }
                    for (StatementRef s : planner.plan(Role.MEMBER, p, week, slot, CHECK_INS_PER_WEEK)) {
                        int d = s.dimension().ordinal();
                        // Which statement of the dimension: the planner's rotation, item = (week + person + dimension)
                        // mod items.
                        int item = (int) Math.floorMod(week.ordinal() + p + d, (long) ITEM_OFFSETS.length);
                        double real = level[p][d] + ITEM_OFFSETS[item] + l[d] + mood[p][d] + sharedMood[d];
                        int score = (int) Math.max(Answer.MIN_SCORE, Math.min(Answer.MAX_SCORE, Math.round(real)));
                        answers.add(new Answer(1, week, s.dimension(), "p" + p, Role.MEMBER, score, Optional.empty()));
                    }
                }
            }
            WeeklyPulse pulse = calculator.calculate(
                    1,
                    week,
                    app.trustpulse.pulse.AnonymityPolicy.MINIMUM_THRESHOLD,
                    answers,
                    means(week.minus(PulseCalculator.TREND_WEEKS), week),
                    setting.size());
            Map<Dimension, PublishedScore> scores = new EnumMap<>(Dimension.class);
            Map<Dimension, Double> weekMeans = new EnumMap<>(Dimension.class);
            for (Dimension d : Dimension.inModelOrder()) {
                pulse.score(d).flatMap(s -> s.published()).ifPresent(s -> {
                    scores.put(d, s);
                    weekMeans.put(d, s.mean());
                });
            }
            published.put(week, scores);
            means.put(week, weekMeans);
            return pulse;
        }

        /** As the repository gives them: the published scores of the weeks the alarm test looks at. */
        Map<WeekId, Map<Dimension, PublishedScore>> earlier(WeekId week) {
            return ((TreeMap<WeekId, Map<Dimension, PublishedScore>>) published)
                    .subMap(week.minus(DisruptionDetector.HISTORY_WEEKS), true, week, false);
        }

        Map<WeekId, Map<Dimension, Double>> means(WeekId from, WeekId toExclusive) {
            return ((TreeMap<WeekId, Map<Dimension, Double>>) means).subMap(from, true, toExclusive, false);
        }
    }
}
