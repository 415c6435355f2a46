package app.trustpulse.summary;

import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.feedback.FeedbackRelease;
import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.nudge.DisruptionDetector;
import app.trustpulse.nudge.MonthlyReviews;
import app.trustpulse.nudge.NudgeSelector;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.MissedTriggers;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Logger;

/**
 * Closes a team's week: expires open check-ins, computes the pulse through the anonymity policy, posts it
 * to the channel and sends every leader a digest. The close is claimed in the database first, so a week
 * closes, and its pulse is posted, exactly once — whichever instance or command gets there first.
 */
public final class ClosingWeeks {

    private static final Logger LOG = Logger.getLogger(ClosingWeeks.class.getName());

    public enum Outcome { CLOSED, ALREADY_CLOSED, SKIPPED }

    private final TeamRepository teams;
    private final MemberRepository members;
    private final CheckInRepository checkIns;
    private final AnswerRepository answers;
    private final PulseRepository pulses;
    private final PulseCalculator calculator;
    private final NudgeSelector selector;
    private final PulseMessages pulseMessages;
    private final LeaderDigests digests;
    private final MonthlyReviews reviews;
    private final FeedbackRelease feedbackRelease;
    private final TextScrubber scrubber;
    private final Pseudonymizer pseudonyms;
    private final ChatGateways gateways;
    private final Texts texts;
    private final Clock clock;

    public ClosingWeeks(TeamRepository teams, MemberRepository members, CheckInRepository checkIns, AnswerRepository answers,
                        PulseRepository pulses, PulseCalculator calculator, NudgeSelector selector, PulseMessages pulseMessages,
                        LeaderDigests digests, MonthlyReviews reviews, FeedbackRelease feedbackRelease, TextScrubber scrubber, Pseudonymizer pseudonyms,
                        ChatGateways gateways, Texts texts, Clock clock) {
        this.teams = teams;
        this.members = members;
        this.checkIns = checkIns;
        this.answers = answers;
        this.pulses = pulses;
        this.calculator = calculator;
        this.selector = selector;
        this.pulseMessages = pulseMessages;
        this.digests = digests;
        this.reviews = reviews;
        this.feedbackRelease = feedbackRelease;
        this.scrubber = scrubber;
        this.pseudonyms = pseudonyms;
        this.gateways = gateways;
        this.texts = texts;
        this.clock = clock;
    }

    /** The team's week-close trigger. A close missed on an earlier day is skipped; "close-week" can do it. */
    public Outcome scheduledClose(long teamId, Instant scheduledAt) {
        Optional<Team> team = teams.find(teamId);
        if (team.isEmpty() || team.get().paused()) {
            return Outcome.SKIPPED;
        }
        if (!MissedTriggers.stillSameLocalDay(scheduledAt, clock.instant(), team.get().timezone())) {
            return Outcome.SKIPPED;
        }
        return close(team.get(), WeekId.of(scheduledAt, team.get().timezone()));
    }

    /** "close-week": closes the current week now. */
    public Outcome closeNow(long teamId) {
        Team team = teams.find(teamId).orElseThrow();
        return close(team, WeekId.of(clock.instant(), team.timezone()));
    }

    /** Closes a given week of a team, e.g. a past week filled in by the playground's simulation. */
    public Outcome closeWeek(long teamId, WeekId week) {
        return close(teams.find(teamId).orElseThrow(), week);
    }

    Outcome close(Team team, WeekId week) {
        Instant now = clock.instant();
        if (!pulses.claimClose(team.id(), week, now)) {
            return Outcome.ALREADY_CLOSED;
        }
        checkIns.expireOpen(team.id(), week);
        List<Answer> weekAnswers = answers.ofWeek(team.id(), week);
        Map<WeekId, Map<Dimension, Double>> history = pulses.history(team.id(), week.minus(PulseCalculator.TREND_WEEKS), week);
        int asked = checkIns.countAsked(team.id(), week, Role.MEMBER);
        WeeklyPulse pulse = calculator.calculate(team.id(), week, team.threshold(), weekAnswers, history, asked);
        pulses.save(pulse);

        ChatGateway gateway;
        try {
            gateway = gateways.of(team.platform());
        } catch (ChatDeliveryException e) {
            LOG.warning("week " + week + " of team " + team.id() + " closed, but its platform is off: " + e.getMessage());
            return Outcome.CLOSED;
        }
        try {
            gateway.postToChannel(ChannelAddress.of(team), pulseMessages.channelPost(team, pulse,
                    selector.reflectionQuestion(team.language(), pulse)));
            pulses.markPosted(team.id(), week, clock.instant());
        } catch (ChatDeliveryException e) {
            LOG.warning("pulse of week " + week + " for team " + team.id() + " not posted: " + e.getMessage());
        }
        List<Member> people = members.ofTeam(team.id());
        FeedbackRelease.Outcome feedback = feedbackRelease.release(team, week);
        List<String> comments = releasableComments(team, weekAnswers, people);
        Map<WeekId, Map<Dimension, PublishedScore>> earlier =
                pulses.publishedScores(team.id(), week.minus(DisruptionDetector.HISTORY_WEEKS), week);
        LeaderDigests.WeekContext context = new LeaderDigests.WeekContext(pulse, earlier, feedback.released(),
                feedback.held(), comments);
        boolean reviewDue = MonthlyReviews.isDue(team, now.atZone(team.timezone()).toLocalDate());
        Map<WeekId, Map<Dimension, Double>> reviewHistory = reviewDue
                ? pulses.history(team.id(), week.minus(MonthlyReviews.HISTORY_WEEKS), week.plus(1))
                : Map.of();
        for (Member leader : people) {
            if (!leader.isLeader() || leader.optedOut()) {
                continue;
            }
            Map<Dimension, Integer> self = selfCheck(team, leader, weekAnswers);
            DirectAddress to = new DirectAddress(team.platform(), team.workspaceId(), leader.userId());
            try {
                gateway.sendDirect(to, digests.digest(team, leader, context, self));
                if (reviewDue) {
                    reviews.review(team, leader.userId(), week, reviewHistory).ifPresent(r -> gateway.sendDirect(to, r));
                }
            } catch (ChatDeliveryException e) {
                LOG.warning("digest of week " + week + " for a leader of team " + team.id() + " not delivered: " + e.getMessage());
            }
        }
        return Outcome.CLOSED;
    }

    private Map<Dimension, Integer> selfCheck(Team team, Member leader, List<Answer> weekAnswers) {
        String pseudonym = pseudonyms.pseudonym(team.id(), team.platform(), leader.userId());
        Map<Dimension, Integer> self = new EnumMap<>(Dimension.class);
        weekAnswers.stream()
                .filter(a -> a.respondent() == Role.LEADER && a.pseudonym().equals(pseudonym) && !a.cantSay())
                .forEach(a -> self.put(a.dimension(), a.score().getAsInt()));
        return self;
    }

    /** Members' comments, only when at least the threshold of different people commented; shuffled, names removed. */
    private List<String> releasableComments(Team team, List<Answer> weekAnswers, List<Member> people) {
        List<Answer> withComment = weekAnswers.stream()
                .filter(a -> a.respondent() == Role.MEMBER && a.comment().isPresent())
                .toList();
        if (withComment.stream().map(Answer::pseudonym).distinct().count() < team.threshold()) {
            return List.of();
        }
        List<String> names = people.stream().map(Member::displayName).toList();
        List<String> comments = new ArrayList<>();
        for (Answer a : withComment) {
            comments.add(texts.dimensionName(team.language(), a.dimension()) + ": " + scrubber.scrub(a.comment().get(), names));
        }
        Collections.shuffle(comments, new Random());
        return comments;
    }
}
