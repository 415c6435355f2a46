package app.trustpulse.playground;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.nudge.DigestNudges;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.SentNudge;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.summary.ClosingWeeks;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Fills the weeks before this one with made-up answers and closes them, so a playground team shows trends,
 * digests, reactions to nudges and a quarterly review without waiting weeks. Only while none of those weeks, nor this
 * one, is closed: the simulated pulses never appear in the channel after a real one. Only for playground teams: real
 * teams never get invented answers.
 */
final class SimulatingWeeks {

    public static final int MAX_WEEKS = 12;

    public record Result(int weeksClosed, int weeksSkipped) {}

    private final TeamRepository teams;
    private final MemberRepository members;
    private final AnswerRepository answers;
    private final PulseRepository pulses;
    private final NudgeLog nudgeLog;
    private final Pseudonymizer pseudonyms;
    private final ClosingWeeks closing;
    private final DigestNudges nudges;
    private final ChatGateways gateways;
    private final Clock clock;

    SimulatingWeeks(
            TeamRepository teams,
            MemberRepository members,
            AnswerRepository answers,
            PulseRepository pulses,
            NudgeLog nudgeLog,
            Pseudonymizer pseudonyms,
            ClosingWeeks closing,
            DigestNudges nudges,
            ChatGateways gateways,
            Clock clock) {
        this.teams = teams;
        this.members = members;
        this.answers = answers;
        this.pulses = pulses;
        this.nudgeLog = nudgeLog;
        this.pseudonyms = pseudonyms;
        this.closing = closing;
        this.nudges = nudges;
        this.gateways = gateways;
        this.clock = clock;
    }

    public Result simulate(long teamId, int weeks) {
        Team team = teams.find(teamId).orElseThrow();
        if (team.platform() != Platform.PLAYGROUND) {
            throw new IllegalArgumentException("only playground teams can be simulated");
        }
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new IllegalArgumentException("weeks must be 1.." + MAX_WEEKS);
        }
        Random random = new Random(teamId * 31 + weeks);
        Map<Dimension, Double> level = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            level.put(d, 2.8 + random.nextDouble() * 1.6);
        }
        WeekId current = WeekId.of(clock.instant(), team.timezone());
        List<Member> people =
                members.ofTeam(teamId).stream().filter(m -> !m.optedOut()).toList();
        // Simulated weeks come before every week the team has closed: once any week from the first simulated one up
        // to this one is closed (simulated before, or played), new ones would be posted after its pulse, so none are.
        int alreadyClosed = 0;
        for (int back = weeks; back >= 0; back--) {
            if (pulses.isClosed(teamId, current.minus(back))) {
                alreadyClosed++;
            }
        }
        if (alreadyClosed > 0) {
            return new Result(0, alreadyClosed);
        }
        int closed = 0;
        for (int back = weeks; back >= 1; back--) {
            WeekId week = current.minus(back);
            level.replaceAll((d, v) -> Math.max(1.5, Math.min(4.7, v + (random.nextDouble() - 0.5) * 0.6)));
            for (Member m : people) {
                String pseudonym = pseudonyms.pseudonym(team.id(), team.platform(), m.userId(), week);
                for (Dimension d : Dimension.values()) {
                    double base = m.isLeader() ? level.get(d) + 0.8 : level.get(d);
                    int score = (int) Math.max(1, Math.min(5, Math.round(base + random.nextGaussian() * 0.7)));
                    answers.upsert(new Answer(
                            team.id(),
                            week,
                            d,
                            pseudonym,
                            m.isLeader() ? Role.LEADER : Role.MEMBER,
                            score,
                            Optional.empty()));
                }
            }
            closing.closeWeek(teamId, week);
            closed++;
            for (Member leader : people.stream().filter(Member::isLeader).toList()) {
                for (SentNudge n : nudgeLog.ofLeader(teamId, leader.userId(), Instant.EPOCH)) {
                    if (n.week().equals(week) && n.reaction().isEmpty()) {
                        nudgeLog.react(
                                n.id(),
                                leader.userId(),
                                random.nextDouble() < 0.6 ? SentNudge.Reaction.TRIED : SentNudge.Reaction.NOT_YET,
                                clock.instant());
                    }
                }
            }
        }
        // The review a leader would get at the start of a quarter, over the weeks just simulated.
        var history = pulses.history(teamId, current.minus(DigestNudges.REVIEW_WEEKS), current);
        for (Member leader : people.stream().filter(Member::isLeader).toList()) {
            nudges.quarterlyReview(team, leader.userId(), current.minus(1), history)
                    .ifPresent(review -> gateways.of(team.platform())
                            .sendDirect(
                                    new DirectAddress(team.platform(), team.workspaceId(), leader.userId()), review));
        }
        return new Result(closed, 0);
    }
}
