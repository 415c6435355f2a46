package app.trustpulse.nudge;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekStepRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The nudge module put together, in plain Java: what it needs comes in, and out come only what the rest of the
 * application may use: the catalog, the mid-week round ({@link NudgingLeaders}), what the week close, the
 * playground and the dashboard's team view use ({@link DigestNudges}, with the quarterly review), and the deployment's
 * estimates for the operators ({@link DeploymentEstimates}). Choosing, drawing, the alarm test, the reviews, the
 * composer and learning the probabilities stay inside the package. The application's configuration calls it; tests
 * and benchmarks that run without the application call it too.
 */
public final class NudgeModule {

    /** The storage the module reads and writes. */
    public record Stores(
            NudgeLog nudgeLog,
            DecisionLog decisions,
            TeamRepository teams,
            MemberRepository members,
            PulseRepository pulses,
            WeekStepRepository steps) {}

    /**
     * What it uses of other core modules: the focus each leader chose (the promise module's), the leader each week's
     * statements name, and a leader's own answers (the pulse module's), for their self-check.
     */
    public record Neighbours(LeaderFocus focus, RatedLeaders ratedLeaders, PersonalAnswers personalAnswers) {}

    /**
     * How it reaches people and the rest of the world.
     *
     * @param perWeek mid-week nudges per leader per week, besides the digest
     * @param random  the lot of the randomised nudges
     */
    public record Outside(
            ChatGateways gateways, PulseMetrics metrics, int perWeek, Duration claimTimeout, RandomGenerator random) {}

    private final NudgeCatalog catalog;
    private final NudgingLeaders nudgingLeaders;
    private final DigestNudges digestNudges;
    private final DeploymentEstimates estimates;

    public NudgeModule(
            Stores stores, Neighbours neighbours, Outside outside, Pseudonymizer pseudonyms, Texts texts, Clock clock) {
        this.catalog = new NudgeCatalog();
        NudgeSelector selector = new NudgeSelector(catalog);
        NudgeMessages messages = new NudgeMessages(catalog, texts);
        this.estimates = new DeploymentEstimates(stores.decisions(), stores.pulses());
        NudgeTrial trial = new NudgeTrial(
                stores.decisions(),
                new LearnedProbabilities(estimates, clock),
                outside.random(),
                clock,
                neighbours.focus());
        QuarterlyReviews reviews = new QuarterlyReviews(stores.nudgeLog(), stores.decisions(), texts);
        this.nudgingLeaders = new NudgingLeaders(
                        stores.teams(),
                        stores.members(),
                        stores.pulses(),
                        neighbours.personalAnswers(),
                        pseudonyms,
                        stores.nudgeLog(),
                        selector,
                        messages,
                        outside.gateways(),
                        texts,
                        clock,
                        outside.perWeek(),
                        outside.metrics())
                .claimedIn(stores.steps(), catalog, outside.claimTimeout())
                .randomisedBy(trial)
                .namingLeaders(neighbours.ratedLeaders());
        this.digestNudges = new DigestNudges(selector, catalog, messages, reviews, Optional.of(trial));
    }

    /**
     * What the week close uses of nudges, without the rest of the module and without randomising: for tests and
     * benchmarks that compose digests alone.
     */
    public static DigestNudges digestNudges(NudgeLog nudgeLog, DecisionLog decisions, Texts texts) {
        NudgeCatalog catalog = new NudgeCatalog();
        return new DigestNudges(
                new NudgeSelector(catalog),
                catalog,
                new NudgeMessages(catalog, texts),
                new QuarterlyReviews(nudgeLog, decisions, texts),
                Optional.empty());
    }

    /** As {@link #digestNudges(NudgeLog, DecisionLog, Texts)}, randomised with even probabilities by {@code random}. */
    public static DigestNudges digestNudges(
            NudgeLog nudgeLog,
            DecisionLog decisions,
            Texts texts,
            RandomGenerator random,
            LeaderFocus focus,
            Clock clock) {
        NudgeCatalog catalog = new NudgeCatalog();
        return new DigestNudges(
                new NudgeSelector(catalog),
                catalog,
                new NudgeMessages(catalog, texts),
                new QuarterlyReviews(nudgeLog, decisions, texts),
                Optional.of(new NudgeTrial(decisions, NudgeTrial.Probabilities.even(), random, clock, focus)));
    }

    /** The nudges and reflection questions, with their sources. */
    public NudgeCatalog catalog() {
        return catalog;
    }

    /** The mid-week round. */
    public NudgingLeaders nudgingLeaders() {
        return nudgingLeaders;
    }

    /**
     * What the week close uses (signals, the digest's nudges under the week's decision, the quarterly review), and the
     * dashboard's team view (the digest's alarm, a leader's nudges by month).
     */
    public DigestNudges digestNudges() {
        return digestNudges;
    }

    /** The deployment's estimates per nudge and per dimension, for the dashboard. */
    public DeploymentEstimates deploymentEstimates() {
        return estimates;
    }
}
