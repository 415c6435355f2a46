package app.trustpulse.nudge;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.Delivery;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.pulse.CheckInPlanner;
import app.trustpulse.pulse.DeliveryClaim;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.LeaderItems;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.MissedTriggers;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeekStepRepository;
import app.trustpulse.pulse.WeeklyPulse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mid-week micro-nudges for leaders, within a fatigue budget: at most the configured number a week;
 * after three nudges in a row without a reaction the budget halves (and the bot says so once), and any
 * reaction restores it. A leader can switch their own nudges off. Each leader's nudge of a day is a claimed step with
 * a delivery id, so a round that runs again (a crash, a retry) never nudges anyone twice that day. The module's facade
 * for the mid-week round, which the scheduler, commands and the playground start; choosing and drawing stay inside.
 */
public final class NudgingLeaders {

    private static final Logger LOG = LoggerFactory.getLogger(NudgingLeaders.class);
    static final int IGNORED_IN_A_ROW = 3;
    private static final Duration NO_REPEAT = Duration.ofDays(7L * NudgeSelector.NO_REPEAT_WEEKS);

    /** What a leader's nudging looks like, for status. */
    public record Stats(int sent, int tried, int perWeek, boolean reduced) {}

    private final TeamRepository teams;
    private final MemberRepository members;
    private final PulseRepository pulses;
    private final PersonalAnswers own;
    private final Pseudonymizer pseudonyms;
    private final NudgeLog nudgeLog;
    private final NudgeSelector selector;
    private final NudgeMessages messages;
    private final ChatGateways gateways;
    private final Texts texts;
    private RatedLeaders ratedLeaders = RatedLeaders.none();
    private final Clock clock;
    private final int perWeek;
    private final PulseMetrics metrics;

    private WeekStepRepository steps;
    private NudgeCatalog catalog;
    private Duration claimTimeout = Duration.ofMinutes(15);
    private Optional<NudgeTrial> trial = Optional.empty();

    /** Keeps to the week's randomised decision: no nudge on a focus withheld on purpose (see {@link NudgeTrial}). */
    NudgingLeaders randomisedBy(NudgeTrial trial) {
        this.trial = Optional.of(trial);
        return this;
    }

    /** Makes each nudge a claimed step (see the class comment); without it, nudges are sent as they are chosen. */
    NudgingLeaders claimedIn(WeekStepRepository steps, NudgeCatalog catalog, Duration claimTimeout) {
        this.steps = steps;
        this.catalog = catalog;
        this.claimTimeout = claimTimeout;
        return this;
    }

    NudgingLeaders(
            TeamRepository teams,
            MemberRepository members,
            PulseRepository pulses,
            PersonalAnswers own,
            Pseudonymizer pseudonyms,
            NudgeLog nudgeLog,
            NudgeSelector selector,
            NudgeMessages messages,
            ChatGateways gateways,
            Texts texts,
            Clock clock,
            int perWeek,
            PulseMetrics metrics) {
        this.teams = teams;
        this.members = members;
        this.pulses = pulses;
        this.own = own;
        this.pseudonyms = pseudonyms;
        this.nudgeLog = nudgeLog;
        this.selector = selector;
        this.messages = messages;
        this.gateways = gateways;
        this.texts = texts;
        this.clock = clock;
        this.perWeek = perWeek;
        this.metrics = metrics;
    }

    /** The team's nudge trigger. A round missed on an earlier day is skipped. */
    public int scheduledRound(long teamId, Instant scheduledAt) {
        Optional<Team> found = teams.find(teamId);
        if (found.isEmpty() || found.get().paused()) {
            return 0;
        }
        Team team = found.get();
        if (!MissedTriggers.stillSameLocalDay(scheduledAt, clock.instant(), team.timezone())) {
            return 0;
        }
        int sent = 0;
        for (Member m : members.ofTeam(teamId)) {
            if (m.isLeader() && !m.optedOut() && !m.nudgesPaused() && nudge(team, m, round(scheduledAt))) {
                sent++;
            }
        }
        return sent;
    }

    /** A scheduled round's part of a nudge step's key: the minute it was due. */
    private static String round(Instant scheduledAt) {
        return scheduledAt.getEpochSecond() / 60 + ":";
    }

    /** The nudges of a scheduled round that were claimed and did not go out yet: the round has to run again. */
    public int pending(long teamId, Instant scheduledAt) {
        Optional<Team> team = teams.find(teamId);
        if (steps == null || team.isEmpty()) {
            return 0;
        }
        WeekId week = WeekId.of(clock.instant(), team.get().timezone());
        return (int) steps.of(teamId, week).stream()
                .filter(s -> s.step() == WeekStepRepository.Step.NUDGE
                        && s.recipient().startsWith(round(scheduledAt))
                        && s.status() != WeekStepRepository.Status.DONE)
                .count();
    }

    /** Sends one nudge to the leader if the budget allows; true when one went out. */
    public boolean nudge(Team team, Member leader) {
        return choose(team, leader, Optional.empty()).orElse(false);
    }

    /** The leader's nudge of a scheduled round, as a claimed step: once per round, however often the round runs. */
    private boolean nudge(Team team, Member leader, String round) {
        if (steps == null) {
            return nudge(team, leader);
        }
        Instant now = clock.instant();
        WeekId week = WeekId.of(now, team.timezone());
        String recipient = round + leader.userId();
        steps.plan(team.id(), week, WeekStepRepository.Step.NUDGE, recipient);
        Optional<DeliveryClaim> claim =
                steps.claim(team.id(), week, WeekStepRepository.Step.NUDGE, recipient, now, now.minus(claimTimeout));
        if (claim.isEmpty()) {
            return false;
        }
        Delivery delivery = new Delivery(claim.get().deliveryId(), claim.get().triedBefore());
        Optional<Boolean> sent = claim.get().triedBefore()
                ? again(team, leader, week, now, delivery).or(() -> choose(team, leader, Optional.of(delivery)))
                : choose(team, leader, Optional.of(delivery));
        if (sent.isEmpty() || sent.get()) {
            steps.done(team.id(), week, WeekStepRepository.Step.NUDGE, recipient, clock.instant());
            return sent.isPresent();
        }
        steps.release(team.id(), week, WeekStepRepository.Step.NUDGE, recipient, "not delivered");
        return false;
    }

    /** The nudge chosen for today by an earlier try, sent again (after a look whether it landed). */
    private Optional<Boolean> again(Team team, Member leader, WeekId week, Instant now, Delivery delivery) {
        java.time.LocalDate today = now.atZone(team.timezone()).toLocalDate();
        Optional<SentNudge> earlier =
                nudgeLog.ofLeader(team.id(), leader.userId(), now.minus(Duration.ofDays(1))).stream()
                        .filter(n -> n.occasion() == SentNudge.Occasion.MIDWEEK
                                && n.week().equals(week)
                                && n.sentAt()
                                        .atZone(team.timezone())
                                        .toLocalDate()
                                        .equals(today)
                                && n.dimension().isPresent())
                        .findFirst();
        Optional<Nudge> nudge = earlier.flatMap(n -> catalog.find(team.language(), n.nudgeId()));
        if (nudge.isEmpty()) {
            return Optional.empty();
        }
        SentNudge n = earlier.get();
        return Optional.of(send(
                team,
                leader,
                new NudgeSelector.Pick(nudge.get(), n.dimension().get(), n.reason()),
                n.id(),
                false,
                Optional.of(delivery)));
    }

    /**
     * Self/team gaps count only where the week's statements were about this leader (see {@link RatedLeaders}); without
     * this, only the dimensions whose statements are not about the leader.
     */
    NudgingLeaders namingLeaders(RatedLeaders leaders) {
        this.ratedLeaders = leaders;
        return this;
    }

    /** Chooses and sends a nudge if the budget allows: empty when none is due, else whether it went out. */
    private Optional<Boolean> choose(Team team, Member leader, Optional<Delivery> delivery) {
        Instant now = clock.instant();
        WeekId week = WeekId.of(now, team.timezone());
        List<SentNudge> recent = history(team, leader, now);
        boolean reduced = reduced(recent);
        long thisWeek = recent.stream()
                .filter(n ->
                        n.occasion() == SentNudge.Occasion.MIDWEEK && n.week().equals(week))
                .count();
        if (thisWeek >= budget(reduced)) {
            return Optional.empty();
        }
        Optional<WeeklyPulse> latest = pulses.latest(team.id());
        Map<WeekId, Map<Dimension, PublishedScore>> history = latest.map(p ->
                        pulses.publishedScores(team.id(), p.week().minus(DisruptionDetector.HISTORY_WEEKS), p.week()))
                .orElse(Map.of());
        // Only what the digest set beside the team's view: a co-leader's self-check on the dimensions about the
        // rated leader is compared with nobody.
        Map<Dimension, Integer> self = latest.map(p -> LeaderItems.comparable(
                        own.selfCheck(team, leader.userId(), p.week()),
                        !ratedLeaders.namedSomeoneElse(team.id(), p.week(), leader.userId()),
                        CheckInPlanner.itemOf(
                                Role.LEADER,
                                Dimension.TRUST,
                                pseudonyms.rotationKey(team.id(), team.platform(), leader.userId()),
                                0,
                                p.week())))
                .orElse(Map.of());
        NudgeSelector.Signals signals = selector.signals(latest, history, self);
        if (alreadyTold(signals, recent, latest)) {
            signals = signals.withoutDrop();
        }
        Set<String> recentIds = recent.stream().map(SentNudge::nudgeId).collect(Collectors.toSet());
        long rotation =
                week.ordinal() * 7 + now.atZone(team.timezone()).getDayOfWeek().getValue();
        List<NudgeSelector.Pick> picks = latest.isPresent() && trial.isPresent()
                ? trial.get()
                        .choose(
                                selector,
                                team.id(),
                                leader.userId(),
                                latest.get().week(),
                                team.language(),
                                signals,
                                recentIds,
                                1,
                                rotation)
                        .picks()
                : selector.choose(team.language(), signals, recentIds, 1, rotation);
        if (picks.isEmpty()) {
            return Optional.empty();
        }
        NudgeSelector.Pick pick = picks.get(0);
        long id = nudgeLog.record(new SentNudge(
                0,
                team.id(),
                leader.userId(),
                pick.nudge().id(),
                Optional.of(pick.dimension()),
                pick.reason(),
                week,
                SentNudge.Occasion.MIDWEEK,
                now,
                Optional.empty()));
        boolean sayReduced = reduced && !reduced(recent.subList(0, Math.max(0, recent.size() - 1)));
        return Optional.of(send(team, leader, pick, id, sayReduced, delivery));
    }

    /**
     * Whether the leader already heard of this pulse's alarm, in its digest or an earlier mid-week nudge: an alarm
     * is one message, not three.
     */
    private static boolean alreadyTold(
            NudgeSelector.Signals signals, List<SentNudge> recent, Optional<WeeklyPulse> latest) {
        if (signals.drop().isEmpty() || latest.isEmpty()) {
            return false;
        }
        Dimension fallen = signals.drop().get().dimension();
        return recent.stream()
                .anyMatch(n -> n.reason() == NudgeReason.DROP
                        && n.dimension().equals(Optional.of(fallen))
                        && n.week().compareTo(latest.get().week()) >= 0);
    }

    private boolean send(
            Team team,
            Member leader,
            NudgeSelector.Pick pick,
            long id,
            boolean sayReduced,
            Optional<Delivery> delivery) {
        try {
            DirectAddress to = new DirectAddress(team.platform(), team.workspaceId(), leader.userId());
            ChatMessage message = message(team.language(), pick, id, sayReduced);
            if (delivery.isPresent()) {
                gateways.of(team.platform()).sendDirect(to, message, delivery.get());
            } else {
                gateways.of(team.platform()).sendDirect(to, message);
            }
            metrics.nudgesSent(team.platform(), PulseMetrics.NudgeOccasion.MIDWEEK, 1);
            return true;
        } catch (ChatDeliveryException e) {
            LOG.warn("mid-week nudge for a leader of team {} not delivered: {}", team.id(), e.getMessage());
            return false;
        }
    }

    public Stats stats(Team team, Member leader) {
        List<SentNudge> all = nudgeLog.ofLeader(team.id(), leader.userId(), Instant.EPOCH);
        List<SentNudge> recent = history(team, leader, clock.instant());
        boolean reduced = reduced(recent);
        int tried = (int) all.stream()
                .filter(n -> n.reaction().equals(Optional.of(SentNudge.Reaction.TRIED)))
                .count();
        return new Stats(all.size(), tried, leader.nudgesPaused() ? 0 : budget(reduced), reduced);
    }

    private ChatMessage message(Language lang, NudgeSelector.Pick pick, long id, boolean sayReduced) {
        List<Block> blocks = new ArrayList<>();
        String intro = pick.reason() == NudgeReason.DROP
                ? texts.get(lang, "midweek.drop", texts.dimensionName(lang, pick.dimension()))
                : texts.get(lang, "midweek.intro");
        blocks.add(new Block.Text(intro));
        blocks.addAll(messages.nudgeBlocks(lang, pick, id));
        if (sayReduced) {
            blocks.add(new Block.Context(texts.get(lang, "midweek.reduced")));
        }
        blocks.add(new Block.Context(texts.get(lang, "midweek.off")));
        return new ChatMessage(intro, blocks);
    }

    private int budget(boolean reduced) {
        return reduced ? Math.max(1, perWeek / 2) : perWeek;
    }

    /** Oldest first. */
    private List<SentNudge> history(Team team, Member leader, Instant now) {
        List<SentNudge> list = new ArrayList<>(nudgeLog.ofLeader(team.id(), leader.userId(), now.minus(NO_REPEAT)));
        list.sort(Comparator.comparing(SentNudge::sentAt).thenComparing(SentNudge::id));
        return list;
    }

    /** Three nudges in a row without a reaction. */
    static boolean reduced(List<SentNudge> oldestFirst) {
        if (oldestFirst.size() < IGNORED_IN_A_ROW) {
            return false;
        }
        return oldestFirst.subList(oldestFirst.size() - IGNORED_IN_A_ROW, oldestFirst.size()).stream()
                .allMatch(n -> n.reaction().isEmpty());
    }
}
