package app.trustpulse.summary;

import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.Delivery;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.feedback.FeedbackRelease;
import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.nudge.DisruptionDetector;
import app.trustpulse.nudge.NudgeSelector;
import app.trustpulse.nudge.QuarterlyReviews;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.DeliveryClaim;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.DimensionScore;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeekStepRepository;
import app.trustpulse.pulse.WeekStepRepository.Step;
import app.trustpulse.pulse.WeeklyPulse;
import app.trustpulse.pulse.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps that follow {@link WeekClosed}: the pulse in the channel, the feedback release and every leader's
 * digest. Each step is claimed with its own delivery id and done once; a failed one is retried alone from the
 * durable queue, and a claim left by a dead instance is taken back once that instance is found dead, looking for the
 * delivery id in the conversation before anything is sent again. A digest goes out only after the pulse is in the
 * channel, so leaders never see the week before their team does.
 */
public final class WeekSteps {

    /** Work kind of one step; its key is "team:week:STEP:recipient". */
    public static final String KIND = "week-step";

    private static final Logger LOG = LoggerFactory.getLogger(WeekSteps.class);

    private final TeamRepository teams;
    private final MemberRepository members;
    private final AnswerRepository answers;
    private final PulseRepository pulses;
    private final WeekStepRepository steps;
    private final NudgeSelector selector;
    private final PulseMessages pulseMessages;
    private final LeaderDigests digests;
    private final QuarterlyReviews reviews;
    private final FeedbackRelease feedbackRelease;
    private final TextScrubber scrubber;
    private final Pseudonymizer pseudonyms;
    private final ChatGateways gateways;
    private final Texts texts;
    private final WorkQueue work;
    private final Duration claimTimeout;
    private final Clock clock;
    private final PulseMetrics metrics;

    public WeekSteps(
            TeamRepository teams,
            MemberRepository members,
            AnswerRepository answers,
            PulseRepository pulses,
            WeekStepRepository steps,
            NudgeSelector selector,
            PulseMessages pulseMessages,
            LeaderDigests digests,
            QuarterlyReviews reviews,
            FeedbackRelease feedbackRelease,
            TextScrubber scrubber,
            Pseudonymizer pseudonyms,
            ChatGateways gateways,
            Texts texts,
            WorkQueue work,
            Duration claimTimeout,
            Clock clock,
            PulseMetrics metrics) {
        this.teams = teams;
        this.members = members;
        this.answers = answers;
        this.pulses = pulses;
        this.steps = steps;
        this.selector = selector;
        this.pulseMessages = pulseMessages;
        this.digests = digests;
        this.reviews = reviews;
        this.feedbackRelease = feedbackRelease;
        this.scrubber = scrubber;
        this.pseudonyms = pseudonyms;
        this.gateways = gateways;
        this.texts = texts;
        this.work = work;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Plans the week's steps (once), tries each here and now, and queues every one that is not done yet, to be
     * retried with back-off. A crash before the queuing is caught by {@link ClosingWeeks#finishUnfinished()}.
     */
    public void weekClosed(WeekClosed event) {
        Optional<Team> team = teams.find(event.teamId());
        if (team.isEmpty()) {
            return;
        }
        steps.plan(event.teamId(), event.week(), Step.PULSE, "");
        steps.plan(event.teamId(), event.week(), Step.FEEDBACK, "");
        for (Member leader : members.ofTeam(event.teamId())) {
            if (leader.isLeader() && !leader.optedOut()) {
                steps.plan(event.teamId(), event.week(), Step.DIGEST, leader.userId());
            }
        }
        tryNow(event.teamId(), event.week());
        for (WeekStepRepository.State s : steps.of(event.teamId(), event.week())) {
            if (s.status() != WeekStepRepository.Status.DONE && s.step() != Step.NUDGE) {
                work.enqueue(KIND, key(event.teamId(), event.week(), s.step(), s.recipient()), "");
            }
        }
    }

    /** Runs the week's open steps here and now, as far as they go. */
    private void tryNow(long teamId, WeekId week) {
        List<WeekStepRepository.State> open = steps.of(teamId, week).stream()
                .filter(s -> s.status() != WeekStepRepository.Status.DONE && s.step() != Step.NUDGE)
                .sorted((a, b) -> a.step().compareTo(b.step()))
                .toList();
        for (WeekStepRepository.State s : open) {
            run(teamId, week, s.step(), s.recipient());
        }
    }

    static String key(long teamId, WeekId week, Step step, String recipient) {
        return teamId + ":" + week + ":" + step.name() + ":" + recipient;
    }

    /** Runs the step a work key names; true when it is done (now or before). */
    public boolean run(String key) {
        String[] p = key.split(":", 4);
        return run(Long.parseLong(p[0]), WeekId.parse(p[1]), Step.valueOf(p[2]), p[3]);
    }

    /** Runs one step; true when it is done (now or before), false when it failed or another sender holds it. */
    public boolean run(long teamId, WeekId week, Step step, String recipient) {
        Instant now = clock.instant();
        Optional<DeliveryClaim> claim = steps.claim(teamId, week, step, recipient, now, now.minus(claimTimeout));
        if (claim.isEmpty()) {
            return isDone(teamId, week, step, recipient);
        }
        Optional<Team> team = teams.find(teamId);
        Optional<WeeklyPulse> pulse = pulses.find(teamId, week);
        if (team.isEmpty() || pulse.isEmpty()) {
            steps.done(teamId, week, step, recipient, clock.instant());
            return true;
        }
        Delivery delivery = new Delivery(claim.get().deliveryId(), claim.get().triedBefore());
        try {
            switch (step) {
                case PULSE -> postPulse(team.get(), pulse.get(), delivery);
                case FEEDBACK -> feedbackRelease.release(team.get(), week);
                case NUDGE -> throw new IllegalArgumentException("a nudge is not a step of the week close");
                case DIGEST -> {
                    // The team first: a pulse held by another sender (say, waiting out a rate limit) holds the digests.
                    if (!run(teamId, week, Step.PULSE, "")) {
                        steps.release(teamId, week, step, recipient, "waiting for the pulse");
                        return false;
                    }
                    if (!run(teamId, week, Step.FEEDBACK, "")) {
                        steps.release(teamId, week, step, recipient, "waiting for the feedback release");
                        return false;
                    }
                    sendDigest(team.get(), pulse.get(), recipient, delivery);
                }
            }
            steps.done(teamId, week, step, recipient, clock.instant());
            return true;
        } catch (ChatDeliveryException e) {
            steps.release(teamId, week, step, recipient, e.getMessage());
            LOG.warn(
                    "{} of week {} for team {} not delivered yet, retried later: {}",
                    step,
                    week,
                    teamId,
                    e.getMessage());
            return false;
        }
    }

    private boolean isDone(long teamId, WeekId week, Step step, String recipient) {
        return steps.of(teamId, week).stream()
                .anyMatch(s -> s.step() == step
                        && s.recipient().equals(recipient)
                        && s.status() == WeekStepRepository.Status.DONE);
    }

    private void postPulse(Team team, WeeklyPulse pulse, Delivery delivery) {
        gateways.of(team.platform())
                .postToChannel(
                        ChannelAddress.of(team),
                        pulseMessages.channelPost(team, pulse, selector.reflectionQuestion(team.language(), pulse)),
                        delivery);
        pulses.markPosted(team.id(), pulse.week(), clock.instant());
        metrics.pulsePosted(team.platform(), (int)
                pulse.dimensions().stream().filter(DimensionScore::withheld).count());
    }

    private void sendDigest(Team team, WeeklyPulse pulse, String leaderId, Delivery delivery) {
        Optional<Member> leader = members.find(team.id(), leaderId);
        if (leader.isEmpty() || !leader.get().isLeader() || leader.get().optedOut()) {
            return;
        }
        WeekId week = pulse.week();
        ChatGateway gateway = gateways.of(team.platform());
        Map<WeekId, Map<Dimension, PublishedScore>> earlier =
                pulses.publishedScores(team.id(), week.minus(DisruptionDetector.HISTORY_WEEKS), week);
        FeedbackRelease.Outcome feedback = feedbackRelease.releasedWith(team, week);
        LeaderDigests.WeekContext context = new LeaderDigests.WeekContext(
                pulse, earlier, feedback.released(), feedback.held(), answers.releasedComments(team.id(), week));
        DirectAddress to = new DirectAddress(team.platform(), team.workspaceId(), leaderId);
        gateway.sendDirect(to, digests.digest(team, leader.get(), context, selfCheck(team, leaderId, week)), delivery);
        metrics.digestSent(team.platform());
        metrics.nudgesSent(team.platform(), PulseMetrics.NudgeOccasion.DIGEST, digests.nudgesIn(team, leaderId, week));
        if (QuarterlyReviews.isDue(team, clock.instant().atZone(team.timezone()).toLocalDate())) {
            Map<WeekId, Map<Dimension, Double>> reviewHistory =
                    pulses.history(team.id(), week.minus(QuarterlyReviews.HISTORY_WEEKS), week.plus(1));
            reviews.review(team, leaderId, week, reviewHistory)
                    .ifPresent(r -> gateway.sendDirect(
                            to, r, new Delivery(delivery.id() + "-review", delivery.mayHaveLanded())));
        }
    }

    private Map<Dimension, Integer> selfCheck(Team team, String leaderId, WeekId week) {
        Map<Dimension, Integer> self = new EnumMap<>(Dimension.class);
        new PersonalAnswers(answers, pseudonyms)
                .of(team, leaderId, week).stream()
                        .filter(a -> a.respondent() == Role.LEADER && !a.cantSay())
                        .forEach(a -> self.put(a.dimension(), a.score().getAsInt()));
        return self;
    }
}
