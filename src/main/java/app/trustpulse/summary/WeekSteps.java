package app.trustpulse.summary;

import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.Delivery;
import app.trustpulse.pulse.DeliveryClaim;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeekStepRepository;
import app.trustpulse.pulse.WeekStepRepository.Step;
import app.trustpulse.pulse.WeeklyPulse;
import app.trustpulse.pulse.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link WeekSequence} of a closed week. On {@link WeekClosed} it plans every step (once), tries each here and
 * now, and queues every one that is not done, to be retried alone with back-off. Each step is claimed with its own
 * delivery id and done once; a claim left by a dead instance is taken back once that instance is found dead, and the
 * step looks for its delivery id in the conversation before anything is sent again. A step runs only once the steps
 * it waits for are done.
 */
final class WeekSteps implements WeekClosed.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(WeekSteps.class);

    private final WeekSequence sequence;
    private final TeamRepository teams;
    private final MemberRepository members;
    private final PulseRepository pulses;
    private final WeekStepRepository steps;
    private final WorkQueue work;
    private final Duration claimTimeout;
    private final Clock clock;

    WeekSteps(
            WeekSequence sequence,
            TeamRepository teams,
            MemberRepository members,
            PulseRepository pulses,
            WeekStepRepository steps,
            WorkQueue work,
            Duration claimTimeout,
            Clock clock) {
        this.sequence = sequence;
        this.teams = teams;
        this.members = members;
        this.pulses = pulses;
        this.steps = steps;
        this.work = work;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
    }

    /** The steps of the week close, in order. */
    List<Step> names() {
        return sequence.names();
    }

    /**
     * Plans the week's steps (once), tries each here and now, and queues every one that is not done yet. A crash
     * before the queuing is caught by {@link ClosingWeeks#finishUnfinished()}.
     */
    @Override
    public void weekClosed(WeekClosed event) {
        Optional<Team> team = teams.find(event.teamId());
        if (team.isEmpty()) {
            return;
        }
        List<Member> people = members.ofTeam(event.teamId());
        // Every step is planned before any is tried, so a close cut short is found unfinished by what it planned.
        for (WeekSequence.Entry e : sequence.entries()) {
            for (String recipient : e.step().recipients(team.get(), people)) {
                steps.plan(event.teamId(), event.week(), e.step().name(), recipient);
            }
        }
        for (WeekStepRepository.State s : open(event.teamId(), event.week())) {
            run(event.teamId(), event.week(), s.step(), s.recipient());
        }
        for (WeekStepRepository.State s : open(event.teamId(), event.week())) {
            work.enqueue(ClosingWeeks.STEP_WORK, key(event.teamId(), event.week(), s.step(), s.recipient()), "");
        }
    }

    /** The week's steps not done yet, in the sequence's order. */
    private List<WeekStepRepository.State> open(long teamId, WeekId week) {
        return steps.of(teamId, week).stream()
                .filter(s -> s.status() != WeekStepRepository.Status.DONE && sequence.contains(s.step()))
                .sorted(Comparator.comparing(WeekStepRepository.State::step, sequence.order()))
                .toList();
    }

    static String key(long teamId, WeekId week, Step step, String recipient) {
        return teamId + ":" + week + ":" + step.name() + ":" + recipient;
    }

    /** Runs the step a work key names; true when it is done (now or before). */
    boolean run(String key) {
        String[] p = key.split(":", 4);
        return run(Long.parseLong(p[0]), WeekId.parse(p[1]), Step.valueOf(p[2]), p[3]);
    }

    /** Runs one step; true when it is done (now or before), false when it failed or another sender holds it. */
    boolean run(long teamId, WeekId week, Step step, String recipient) {
        WeekSequence.Entry entry = sequence.entry(step);
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
        try {
            // What it waits for first: a pulse held by another sender (say, waiting out a rate limit) holds the
            // digests.
            for (Step first : sequence.names()) {
                if (entry.after().contains(first) && !run(teamId, week, first, WeekStep.TEAM)) {
                    steps.release(teamId, week, step, recipient, "waiting for " + first);
                    return false;
                }
            }
            entry.step()
                    .run(
                            team.get(),
                            pulse.get(),
                            recipient,
                            new Delivery(claim.get().deliveryId(), claim.get().triedBefore()));
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
}
