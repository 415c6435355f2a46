package app.trustpulse.summary;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.feedback.FeedbackRelease;
import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.nudge.DigestNudges;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.promise.PromiseSections;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaderRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekStepRepository;
import app.trustpulse.pulse.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The summary module put together, in plain Java: what it needs comes in, and out come only what the rest of the
 * application may use ({@link ClosingWeeks}, the facade, and {@link PulseView}); the steps and their helpers stay
 * inside the package. The application's configuration calls it; tests and benchmarks that run without the application
 * call it too.
 */
public final class SummaryModule {

    /** The storage the module reads and writes. */
    public record Stores(
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            AnswerRepository answers,
            PulseRepository pulses,
            WeekStepRepository steps,
            NudgeLog nudgeLog,
            RatedLeaderRepository ratedLeaders) {

        /** Without a store of rated leaders: one in memory. */
        public Stores(
                TeamRepository teams,
                MemberRepository members,
                CheckInRepository checkIns,
                AnswerRepository answers,
                PulseRepository pulses,
                WeekStepRepository steps,
                NudgeLog nudgeLog) {
            this(teams, members, checkIns, answers, pulses, steps, nudgeLog, RatedLeaders.inMemory());
        }
    }

    /**
     * What it uses of the nudge, feedback, promise and pulse modules: of nudges only their facade for the week close
     * ({@link DigestNudges}); of the pulse module a leader's own answers, for their self-check.
     */
    public record Neighbours(
            DigestNudges nudges,
            FeedbackRelease feedbackRelease,
            TextScrubber scrubber,
            PromiseSections promises,
            PersonalAnswers personalAnswers) {}

    /** How it reaches people and the rest of the world. */
    public record Outside(
            ChatGateways gateways, WorkQueue work, PulseCharts charts, PulseMetrics metrics, Duration claimTimeout) {}

    private final ClosingWeeks closingWeeks;
    private final PulseView pulseView;

    public SummaryModule(
            Stores stores, Neighbours neighbours, Outside outside, Pseudonymizer pseudonyms, Texts texts, Clock clock) {
        RatedLeaders ratedLeaders = new RatedLeaders(stores.ratedLeaders(), stores.members());
        PulseMessages pulseMessages =
                new PulseMessages(texts, outside.charts(), neighbours.promises()).naming(ratedLeaders);
        LeaderDigests digests = new LeaderDigests(
                neighbours.nudges(), stores.nudgeLog(), pulseMessages, texts, clock, neighbours.promises());
        WeekSequence sequence = new WeekSequence(
                new ChannelPulse(
                        outside.gateways(),
                        pulseMessages,
                        neighbours.nudges(),
                        stores.pulses(),
                        clock,
                        outside.metrics()),
                new ReleasingFeedback(neighbours.feedbackRelease()),
                new LeaderDigest(
                        stores.members(),
                        stores.answers(),
                        stores.pulses(),
                        pseudonyms,
                        neighbours.personalAnswers(),
                        neighbours.feedbackRelease(),
                        digests,
                        neighbours.nudges(),
                        outside.gateways(),
                        clock,
                        outside.metrics(),
                        ratedLeaders));
        WeekSteps weekSteps = new WeekSteps(
                sequence,
                stores.teams(),
                stores.members(),
                stores.pulses(),
                stores.steps(),
                outside.work(),
                outside.claimTimeout(),
                clock);
        this.closingWeeks = new ClosingWeeks(
                stores.teams(),
                stores.checkIns(),
                stores.answers(),
                stores.pulses(),
                new PulseCalculator(),
                stores.steps(),
                weekSteps,
                new WeekClosedListeners(List.of(weekSteps)),
                clock,
                outside.metrics(),
                stores.members(),
                new ReleasedComments(neighbours.scrubber(), texts),
                pseudonyms,
                ratedLeaders);
        this.pulseView = pulseMessages;
    }

    /** The pulse as the home view shows it, without the rest of the module. */
    public static PulseView pulseView(Texts texts, PulseCharts charts) {
        return new PulseMessages(texts, charts);
    }

    public ClosingWeeks closingWeeks() {
        return closingWeeks;
    }

    public PulseView pulseView() {
        return pulseView;
    }
}
