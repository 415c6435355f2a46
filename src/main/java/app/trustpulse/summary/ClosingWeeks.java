package app.trustpulse.summary;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.CheckInPlanner;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.MissedTriggers;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.TrustInLeaderSplit;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeekStepRepository;
import app.trustpulse.pulse.WeeklyPulse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The summary module's facade: closes a team's week. The close is claimed in the database (a week closes once,
 * whichever instance or command gets there first), open check-ins expire, the pulse is computed through the anonymity
 * policy and saved, and {@link WeekClosed} is handed to its listeners ({@link WeekClosedListeners}): the steps of the
 * {@link WeekSequence} (posting the pulse, releasing feedback, each digest) are planned, queued durably and tried at
 * once. A close cut short (a crash, a failed post) is finished by the next close, the next scheduled close of any team,
 * or the start of any instance. Made by {@link SummaryModule}.
 */
public final class ClosingWeeks {

    /** Work kind of one step of a closed week, run by {@link #runStep(String)}; its key is "team:week:STEP:recipient". */
    public static final String STEP_WORK = "week-step";

    private static final Logger LOG = LoggerFactory.getLogger(ClosingWeeks.class);
    /** How far back unfinished weeks are looked for. */
    static final Duration UNFINISHED_WINDOW = Duration.ofDays(14);
    /** Tries of one step before the look for unfinished weeks stops queuing it (it is logged each time). */
    static final int MAX_STEP_ATTEMPTS = 20;

    public enum Outcome {
        CLOSED,
        ALREADY_CLOSED,
        SKIPPED
    }

    /** What of a closed week went out, so what an admin is told is true. */
    public record Delivered(boolean pulsePosted, int digestsSent, int digests) {
        public boolean complete() {
            return pulsePosted && digestsSent == digests;
        }
    }

    private final TeamRepository teams;
    private final CheckInRepository checkIns;
    private final AnswerRepository answers;
    private final PulseRepository pulses;
    private final PulseCalculator calculator;
    private final WeekStepRepository steps;
    private final WeekSteps weekSteps;
    private final WeekClosedListeners listeners;
    private final Clock clock;
    private final PulseMetrics metrics;
    private final MemberRepository members;
    private final ReleasedComments comments;
    private final Pseudonymizer pseudonyms;
    private final RatedLeaders ratedLeaders;

    ClosingWeeks(
            TeamRepository teams,
            CheckInRepository checkIns,
            AnswerRepository answers,
            PulseRepository pulses,
            PulseCalculator calculator,
            WeekStepRepository steps,
            WeekSteps weekSteps,
            WeekClosedListeners listeners,
            Clock clock,
            PulseMetrics metrics,
            MemberRepository members,
            ReleasedComments comments,
            Pseudonymizer pseudonyms,
            RatedLeaders ratedLeaders) {
        this.pseudonyms = pseudonyms;
        this.ratedLeaders = ratedLeaders;
        this.teams = teams;
        this.checkIns = checkIns;
        this.answers = answers;
        this.pulses = pulses;
        this.calculator = calculator;
        this.steps = steps;
        this.weekSteps = weekSteps;
        this.listeners = listeners;
        this.clock = clock;
        this.metrics = metrics;
        this.members = members;
        this.comments = comments;
    }

    /** The team's week-close trigger. A close missed on an earlier day is skipped; "close-week" can do it. */
    public Outcome scheduledClose(long teamId, Instant scheduledAt) {
        Optional<Team> team = teams.find(teamId);
        if (team.isEmpty() || team.get().paused()) {
            return Outcome.SKIPPED;
        }
        if (!MissedTriggers.stillSameLocalDay(
                scheduledAt, clock.instant(), team.get().timezone())) {
            metrics.weekCloseMissed(team.get().platform());
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

    /** The current week of a team, as "close-week" closes it. */
    public WeekId currentWeek(long teamId) {
        Team team = teams.find(teamId).orElseThrow();
        return WeekId.of(clock.instant(), team.timezone());
    }

    Outcome close(Team team, WeekId week) {
        boolean claimed = pulses.claimClose(team.id(), week, clock.instant());
        long started = System.nanoTime();
        finish(team, week);
        if (claimed) {
            metrics.weekClosed(team.platform(), Duration.ofNanos(System.nanoTime() - started));
        }
        return claimed ? Outcome.CLOSED : Outcome.ALREADY_CLOSED;
    }

    /**
     * Completes a closed week, whatever part of it was done: the released comments and the pulse saved once, the
     * members' answers destroyed (each step safe to run again), then the week's steps.
     */
    private void finish(Team team, WeekId week) {
        pulses.exclusively(team.id(), week, () -> {
            if (pulses.find(team.id(), week).isEmpty()) {
                checkIns.expireOpen(team.id(), week);
                List<Answer> weekAnswers = answers.ofWeek(team.id(), week);
                List<Member> people = members.ofTeam(team.id());
                Map<WeekId, Map<Dimension, Double>> history =
                        pulses.history(team.id(), week.minus(PulseCalculator.TREND_WEEKS), week);
                int asked = checkIns.countAsked(team.id(), week, Role.MEMBER);
                // A week that never sent a check-in is pinned now, so its pool is about one named leader too.
                ratedLeaders.pin(team.id(), week);
                TrustInLeaderSplit split = TrustInLeaderSplit.of(
                        weekAnswers, givers(team, week, people)::get, ratedLeaders.pooledGivers(team.id(), week));
                WeeklyPulse pulse =
                        calculator.calculate(team.id(), week, team.threshold(), split.weekly(), history, asked);
                answers.keepReleasedComments(team.id(), week, comments.of(team, weekAnswers, people));
                ratedLeaders.keep(team.id(), week, split);
                pulses.save(pulse);
            }
            // Keep less: once the aggregates are stored, the members' answers have done their work.
            answers.destroyMembersAnswers(team.id(), week);
        });
        listeners.publish(new WeekClosed(team.id(), week));
    }

    /**
     * The person behind each week pseudonym of the team's members, as the trust split needs them: the TRUST item
     * their check-ins asked this week (for answers without a check-in, as the playground's simulated weeks give, the
     * item the planner gives them) and their giver tokens for its block. Worked out in memory, never stored.
     */
    private Givers givers(Team team, WeekId week, List<Member> people) {
        Map<String, Integer> trustItems = new HashMap<>();
        for (CheckIn c : checkIns.ofWeek(team.id(), week)) {
            c.statements().stream()
                    .filter(s -> s.audience() == Role.MEMBER && s.dimension() == Dimension.TRUST)
                    .forEach(s -> trustItems.put(c.userId(), s.item()));
        }
        Map<String, Integer> poolWeeks = TrustInLeaderPool.poolWeeksOf(team, people, pseudonyms);
        WeekId block = TrustInLeaderPool.blockStart(week);
        Map<String, TrustInLeaderSplit.Giver> givers = new HashMap<>();
        for (Member m : people) {
            Integer item = trustItems.get(m.userId());
            if (item == null && poolWeeks.containsKey(m.userId())) {
                long key = pseudonyms.rotationKey(team.id(), team.platform(), m.userId());
                item = CheckInPlanner.itemOf(Role.MEMBER, Dimension.TRUST, key, poolWeeks.get(m.userId()), week);
            }
            if (item == null) {
                continue;
            }
            TrustInLeaderSplit.Giver giver = new TrustInLeaderSplit.Giver(
                    item, pseudonyms.poolGivers(team.id(), team.platform(), m.userId(), block));
            givers.put(pseudonyms.pseudonym(team.id(), team.platform(), m.userId(), week), giver);
            pseudonyms
                    .formerPseudonyms(team.id(), team.platform(), m.userId(), week)
                    .forEach(p -> givers.put(p, giver));
        }
        return new Givers(givers);
    }

    private record Givers(Map<String, TrustInLeaderSplit.Giver> byPseudonym) {
        Optional<TrustInLeaderSplit.Giver> get(String pseudonym) {
            return Optional.ofNullable(byPseudonym.get(pseudonym));
        }
    }

    /** Finishes every recently closed week whose pulse or digests did not all go out; on start and on each close. */
    public int finishUnfinished() {
        int finished = 0;
        for (WeekStepRepository.TeamWeek tw :
                steps.unfinished(clock.instant().minus(UNFINISHED_WINDOW), MAX_STEP_ATTEMPTS, weekSteps.names())) {
            Optional<Team> team = teams.find(tw.teamId());
            if (team.isEmpty()) {
                continue;
            }
            try {
                finish(team.get(), tw.week());
                finished++;
            } catch (RuntimeException e) {
                LOG.warn("could not finish week {} of team {}", tw.week(), tw.teamId(), e);
            }
        }
        return finished;
    }

    /** Runs the step of a closed week that a {@link #STEP_WORK} key names; true when it is done (now or before). */
    public boolean runStep(String key) {
        return weekSteps.run(key);
    }

    public Delivered delivered(long teamId, WeekId week) {
        List<WeekStepRepository.State> all = steps.of(teamId, week);
        boolean posted = all.stream()
                .anyMatch(
                        s -> s.step() == WeekStepRepository.Step.PULSE && s.status() == WeekStepRepository.Status.DONE);
        List<WeekStepRepository.State> digests = all.stream()
                .filter(s -> s.step() == WeekStepRepository.Step.DIGEST)
                .toList();
        int sent = (int) digests.stream()
                .filter(s -> s.status() == WeekStepRepository.Status.DONE)
                .count();
        return new Delivered(posted, sent, digests.size());
    }
}
