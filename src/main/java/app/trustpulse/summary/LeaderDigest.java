package app.trustpulse.summary;

import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.Delivery;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.feedback.FeedbackRelease;
import app.trustpulse.nudge.DigestNudges;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInPlanner;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeekStepRepository.Step;
import app.trustpulse.pulse.WeeklyPulse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One leader's digest of the week (composed by {@link LeaderDigests}), and the monthly review of tried nudges when
 * one is due. One step per leader, so a digest that failed is retried alone.
 */
final class LeaderDigest implements WeekStep {

    private final MemberRepository members;
    private final AnswerRepository answers;
    private final PulseRepository pulses;
    private final Pseudonymizer pseudonyms;
    private final PersonalAnswers own;
    private final FeedbackRelease feedbackRelease;
    private final LeaderDigests digests;
    private final DigestNudges nudges;
    private final ChatGateways gateways;
    private final Clock clock;
    private final PulseMetrics metrics;
    private final RatedLeaders ratedLeaders;

    LeaderDigest(
            MemberRepository members,
            AnswerRepository answers,
            PulseRepository pulses,
            Pseudonymizer pseudonyms,
            PersonalAnswers own,
            FeedbackRelease feedbackRelease,
            LeaderDigests digests,
            DigestNudges nudges,
            ChatGateways gateways,
            Clock clock,
            PulseMetrics metrics,
            RatedLeaders ratedLeaders) {
        this.ratedLeaders = ratedLeaders;
        this.members = members;
        this.answers = answers;
        this.pulses = pulses;
        this.pseudonyms = pseudonyms;
        this.own = own;
        this.feedbackRelease = feedbackRelease;
        this.digests = digests;
        this.nudges = nudges;
        this.gateways = gateways;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Step name() {
        return Step.DIGEST;
    }

    @Override
    public List<String> recipients(Team team, List<Member> people) {
        return people.stream().filter(LeaderDigest::getsOne).map(Member::userId).toList();
    }

    private static boolean getsOne(Member member) {
        return member.isLeader() && !member.optedOut();
    }

    @Override
    public void run(Team team, WeeklyPulse pulse, String leaderId, Delivery delivery) {
        Optional<Member> leader = members.find(team.id(), leaderId);
        if (leader.isEmpty() || !getsOne(leader.get())) {
            return;
        }
        WeekId week = pulse.week();
        ChatGateway gateway = gateways.of(team.platform());
        Map<WeekId, Map<Dimension, PublishedScore>> earlier =
                pulses.publishedScores(team.id(), week.minus(DigestNudges.EARLIER_WEEKS), week);
        FeedbackRelease.Outcome feedback = feedbackRelease.releasedWith(team, week);
        LeaderDigests.WeekContext context = new LeaderDigests.WeekContext(
                pulse, earlier, feedback.released(), feedback.held(), answers.releasedComments(team.id(), week));
        DirectAddress to = new DirectAddress(team.platform(), team.workspaceId(), leaderId);
        Map<Dimension, Integer> answered = own.selfCheck(team, leaderId, week);
        SelfCheckScope scope = SelfCheckScope.of(
                answered,
                ratedLeaders.of(team.id(), week),
                ratedLeaders.namedSomeoneElse(team.id(), week, leaderId),
                CheckInPlanner.itemOf(
                        Role.LEADER,
                        Dimension.TRUST,
                        pseudonyms.rotationKey(team.id(), team.platform(), leaderId),
                        0,
                        week));
        gateway.sendDirect(to, digests.digest(team, leader.get(), context, scope), delivery);
        metrics.digestSent(team.platform());
        metrics.nudgesSent(team.platform(), PulseMetrics.NudgeOccasion.DIGEST, digests.nudgesIn(team, leaderId, week));
        if (nudges.reviewDue(team, clock.instant().atZone(team.timezone()).toLocalDate())) {
            Map<WeekId, Map<Dimension, Double>> reviewHistory =
                    pulses.history(team.id(), week.minus(DigestNudges.REVIEW_WEEKS), week.plus(1));
            nudges.quarterlyReview(team, leaderId, week, reviewHistory)
                    .ifPresent(r -> gateway.sendDirect(
                            to, r, new Delivery(delivery.id() + "-review", delivery.mayHaveLanded())));
        }
    }
}
