package app.trustpulse.nudge;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.CheckInPlanner;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Instrument;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.LeaderItems;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.PulseModule;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.StatementRef;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Simulated teams answering check-ins, driven through the real pulse calculator, planner, alarm test, nudge
 * choice and review. The model: each person has a stable level per dimension (team level uniform in 3.0..4.0
 * plus a personal offset with SD {@code between}); each week each answer adds the item's own offset (the shipped
 * instrument's statements, six for TRUST and three for the others, spread evenly from -0.25 to +0.25 in how easy
 * they are to agree with; which one a person gets in a week is the product's own rotation, keyed by the person's
 * rotation key from the {@link Pseudonymizer} under a secret of the team-year), the person's mood with SD
 * {@code noise} and the team's shared mood of that week with SD {@code shared} (a deadline week, a rumour: everyone a
 * little lower at once), and is rounded to a whole point in 1..5. Both moods persist from week to week as AR(1)
 * processes with correlation {@code persistence} (0: independent every week). Each of the week's three check-ins is
 * answered with probability {@code participation}. The team's threshold is the minimum, 3. After each week's digest
 * come the two mid-week nudges of the default schedule, chosen as the product chooses them.
 */
public final class SimulatedTeams {

    public static final int CHECK_INS_PER_WEEK = 3;
    /** How much easier (+) or harder (−) the easiest and the hardest statement of a dimension are to agree with. */
    static final double ITEM_SPREAD = 0.25;
    /** The days of the week of the mid-week nudges (the default schedule: Tuesday and Thursday). */
    static final int[] NUDGE_DAYS = {2, 4};
    /** Mid-week nudges per leader per week (the default budget; the simulated leader reacts, so it never halves). */
    static final int NUDGES_PER_WEEK = 2;
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

    /**
     * What one simulated year of a team gave.
     *
     * @param naiveAlarms  weeks the rule this test replaced (a fall of 1.0 on last week, or 0.7 on the mean of
     *                     the four weeks before, on any published dimension) would have alarmed, for contrast
     * @param decisions    the year's randomised decisions with their outcomes (clustered by {@code cluster})
     * @param reviews      the four quarterly reviews of the year: an estimate, or empty when the weeks were too few
     * @param alarmMessages the digests and mid-week nudges of the year that told the leader of an alarm
     */
    public record Year(
            int falseAlarms,
            int naiveAlarms,
            int lowerWeeks,
            List<RandomisedEffect.Observation> decisions,
            List<Optional<RandomisedEffect.Estimate>> reviews,
            int alarmMessages) {

        /** Quarterly reviews of the year that said the nudges worked (the effect above its margin). */
        public int saidItWorked() {
            return (int) reviews.stream()
                    .filter(r -> r.isPresent() && r.get().higher())
                    .count();
        }
    }

    /**
     * How the probability of sending is set: even (1/2), or leaning on the week's own scores (more likely to send the
     * further the focus fell, between the floor and the ceiling), which an unweighted comparison would confuse with an
     * effect.
     */
    public enum Probabilities {
        EVEN,
        BY_FALL
    }

    private final Setting setting;
    private final Random random;
    private final PulseCalculator calculator = new PulseCalculator();
    private final CheckInPlanner planner = new PulseModule(new byte[32]).checkInPlanner();
    private final DisruptionDetector detector = new DisruptionDetector();
    private final NudgeSelector selector;

    /** The shipped catalog, for simulations run from outside the module. */
    public static NudgeCatalog catalog() {
        return new NudgeCatalog();
    }

    public SimulatedTeams(Setting setting, NudgeCatalog catalog, long seed) {
        this.setting = setting;
        this.random = new Random(seed);
        this.selector = new NudgeSelector(catalog);
    }

    /** A year with even probabilities. */
    public Year year(double nudgeEffect) {
        return year(nudgeEffect, Probabilities.EVEN, "team");
    }

    /**
     * A year of a team whose real scores never change except through nudges, driven through the real alarm test,
     * nudge choice and randomised decision ({@link NudgeTrial}): counts the weeks with an alarm, and ends with the
     * year's decisions and its four quarterly reviews.
     *
     * @param nudgeEffect what a nudge sent on the focus adds to its dimension from the second week after the pulse it
     *                    was decided on to the {@code lastLiftedWeek} (effects of several nudges add up)
     * @param cluster     names the team-year among the observations of many
     */
    public Year year(double nudgeEffect, Probabilities probabilities, String cluster) {
        return year(nudgeEffect, RandomisedEffect.POST_TO, probabilities, cluster);
    }

    public Year year(double nudgeEffect, int lastLiftedWeek, Probabilities probabilities, String cluster) {
        Simulated team = new Simulated(random);
        InMemoryDecisionLog log = new InMemoryDecisionLog();
        double[] fall = new double[1];
        NudgeTrial.Probabilities p =
                probabilities == Probabilities.EVEN ? NudgeTrial.Probabilities.even() : (d, n) -> 0.2 + 0.2 * fall[0];
        NudgeTrial trial =
                new NudgeTrial(log, p, random, java.time.Clock.fixed(Instant.EPOCH, java.time.ZoneOffset.UTC));
        List<Sent> sent = new ArrayList<>();
        List<Optional<RandomisedEffect.Estimate>> reviews = new ArrayList<>();
        int falseAlarms = 0;
        int lowerWeeks = 0;
        int naiveAlarms = 0;
        int alarmMessages = 0;
        int weeks = WARM_UP_WEEKS + YEAR_WEEKS + RandomisedEffect.POST_TO;
        for (int t = 0; t < weeks; t++) {
            WeekId week = FIRST_WEEK.plus(t);
            WeeklyPulse pulse = team.close(week);
            NudgeSelector.Signals signals = selector.signals(Optional.of(pulse), team.earlier(week), Map.of());
            boolean counted = t >= WARM_UP_WEEKS && t < WARM_UP_WEEKS + YEAR_WEEKS;
            if (counted && signals.drop().isPresent()) {
                falseAlarms++;
            }
            if (counted && !signals.lower().isEmpty()) {
                lowerWeeks++;
            }
            if (counted && naiveAlarm(pulse, team.earlier(week))) {
                naiveAlarms++;
            }
            int sinceStart = t - WARM_UP_WEEKS - RandomisedEffect.POST_TO;
            if (sinceStart >= 0 && sinceStart % QuarterlyReviews.QUARTER_WEEKS == QuarterlyReviews.QUARTER_WEEKS - 1) {
                List<NudgeDecision> quarter = log.ofLeader(
                        1, "leader", QuarterlyReviews.firstDecisionWeek(week), QuarterlyReviews.lastDecisionWeek(week));
                reviews.add(RandomisedEffect.estimateForOneLeader(
                        QuarterlyReviews.observations(quarter, team.means(FIRST_WEEK, week.plus(1))),
                        QuarterlyReviews.MIN_EACH,
                        QuarterlyReviews.ALPHA));
            }
            if (t >= WARM_UP_WEEKS + YEAR_WEEKS) {
                continue;
            }
            if (probabilities == Probabilities.BY_FALL) {
                fall[0] = detector.assess(pulse, team.earlier(week))
                        .falling()
                        .map(DisruptionDetector.Drop::standardised)
                        .orElse(0.0);
            }
            NudgeTrial.Choice choice = trial.choose(
                    selector, 1, "leader", week, Language.EN, signals, recent(sent, week), 3, week.ordinal());
            sent.addAll(sentNudges(choice.picks(), week, week));
            // The mid-week nudges of the next week, as NudgingLeaders sends them: one each, from the same pulse under
            // the same decision; an alarm the leader already heard of is not told again.
            WeekId next = week.plus(1);
            for (int day : NUDGE_DAYS) {
                if (midweekIn(sent, next) >= NUDGES_PER_WEEK) {
                    break;
                }
                NudgeSelector.Signals midweek = alreadyTold(signals, sent, week) ? signals.withoutDrop() : signals;
                List<NudgeSelector.Pick> picks = trial.choose(
                                selector,
                                1,
                                "leader",
                                week,
                                Language.EN,
                                midweek,
                                recent(sent, next),
                                1,
                                next.ordinal() * 7 + day)
                        .picks();
                sent.addAll(sentNudges(picks.stream().limit(1).toList(), next, week));
            }
            if (counted) {
                alarmMessages += alarmMessages(sent, week);
            }
            if (choice.decision().isPresent() && choice.decision().get().sent() && nudgeEffect != 0) {
                for (int after = RandomisedEffect.POST_FROM; after <= lastLiftedWeek; after++) {
                    team.lift(choice.decision().get().dimension(), t + after, nudgeEffect);
                }
            }
        }
        Map<WeekId, Map<Dimension, Double>> history = team.means(FIRST_WEEK, FIRST_WEEK.plus(weeks));
        List<RandomisedEffect.Observation> observations = new ArrayList<>();
        for (NudgeDecision d : log.all()) {
            if (d.week().compareTo(FIRST_WEEK.plus(WARM_UP_WEEKS)) >= 0) {
                observations.add(new RandomisedEffect.Observation(
                        cluster,
                        cluster,
                        d.probability(),
                        d.sent(),
                        RandomisedEffect.outcome(history, d.dimension(), d.week())));
            }
        }
        return new Year(falseAlarms, naiveAlarms, lowerWeeks, observations, reviews, alarmMessages);
    }

    /** A nudge the simulated leader got: in the week it went out, chosen from the pulse of {@code pulse}. */
    private record Sent(
            String nudgeId, Dimension dimension, NudgeReason reason, WeekId week, WeekId pulse, boolean midweek) {}

    private static List<Sent> sentNudges(List<NudgeSelector.Pick> picks, WeekId week, WeekId pulse) {
        return picks.stream()
                .map(p -> new Sent(p.nudge().id(), p.dimension(), p.reason(), week, pulse, !week.equals(pulse)))
                .toList();
    }

    /** The nudges of the last {@link NudgeSelector#NO_REPEAT_WEEKS} weeks, never chosen again (oldest first). */
    private static Set<String> recent(List<Sent> sent, WeekId week) {
        WeekId cutoff = week.minus(NudgeSelector.NO_REPEAT_WEEKS);
        Set<String> recent = new HashSet<>();
        for (int i = sent.size() - 1; i >= 0 && sent.get(i).week().compareTo(cutoff) > 0; i--) {
            recent.add(sent.get(i).nudgeId());
        }
        return recent;
    }

    /** The mid-week nudges that went out in {@code week} (oldest first). */
    private static int midweekIn(List<Sent> sent, WeekId week) {
        int count = 0;
        for (int i = sent.size() - 1; i >= 0 && sent.get(i).week().compareTo(week) >= 0; i--) {
            count += sent.get(i).midweek() && sent.get(i).week().equals(week) ? 1 : 0;
        }
        return count;
    }

    /** As NudgingLeaders asks it: whether the leader already heard of this pulse's alarm. */
    private static boolean alreadyTold(NudgeSelector.Signals signals, List<Sent> sent, WeekId pulse) {
        if (signals.drop().isEmpty()) {
            return false;
        }
        for (int i = sent.size() - 1; i >= 0 && sent.get(i).week().compareTo(pulse) >= 0; i--) {
            Sent n = sent.get(i);
            if (n.reason() == NudgeReason.DROP
                    && n.dimension() == signals.drop().get().dimension()) {
                return true;
            }
        }
        return false;
    }

    /** The alarms told from the pulse of {@code pulse} (oldest first). */
    private static int alarmMessages(List<Sent> sent, WeekId pulse) {
        int count = 0;
        for (int i = sent.size() - 1; i >= 0 && sent.get(i).pulse().compareTo(pulse) >= 0; i--) {
            count += sent.get(i).reason() == NudgeReason.DROP
                            && sent.get(i).pulse().equals(pulse)
                    ? 1
                    : 0;
        }
        return count;
    }

    /** The statement's offset: the items of a dimension spread evenly over ±{@link #ITEM_SPREAD}. */
    static double itemOffset(int item, int items) {
        return items == 1 ? 0 : -ITEM_SPREAD + 2 * ITEM_SPREAD * (item - 1) / (items - 1);
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
        private final long[] personKeys;
        private final Map<Long, Integer> poolWeeks;

        Simulated(Random random) {
            this.random = random;
            // The product's rotation keys: a secret of the team-year, the person's key derived from it as in sending.
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            Pseudonymizer pseudonyms = new PulseModule(secret).pseudonyms();
            personKeys = new long[setting.size()];
            for (int p = 0; p < setting.size(); p++) {
                personKeys[p] = pseudonyms.rotationKey(1, Platform.PLAYGROUND, "member-" + p);
            }
            List<Long> keys = new ArrayList<>();
            for (long k : personKeys) {
                keys.add(k);
            }
            poolWeeks = TrustInLeaderPool.poolWeeks(keys);
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

        /** Adds to the real score of a dimension in one week; lifts of several nudges add up. */
        void lift(Dimension d, int weekIndex, double amount) {
            double[] l = lift.computeIfAbsent(weekIndex, w -> new double[6]);
            l[d.ordinal()] += amount;
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
                    for (StatementRef s : planner.plan(
                            Role.MEMBER, personKeys[p], poolWeeks.get(personKeys[p]), week, slot, CHECK_INS_PER_WEEK)) {
                        int d = s.dimension().ordinal();
                        double offset = itemOffset(s.item(), Instrument.items(s.dimension()));
                        double real = level[p][d] + offset + l[d] + mood[p][d] + sharedMood[d];
                        int score = (int) Math.max(Answer.MIN_SCORE, Math.min(Answer.MAX_SCORE, Math.round(real)));
                        if (LeaderItems.trustInLeader(s.dimension(), s.item())) {
                            // As the close does: trust in the leader leaves the weekly mean for its four-week pool.
                            answers.add(new Answer(
                                    1,
                                    week,
                                    s.dimension(),
                                    "p" + p,
                                    Role.MEMBER,
                                    OptionalInt.empty(),
                                    Optional.empty()));
                            continue;
                        }
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
