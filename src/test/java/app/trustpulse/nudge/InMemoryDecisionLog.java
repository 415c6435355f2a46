package app.trustpulse.nudge;

import app.trustpulse.pulse.WeekId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Randomised decisions in a list, for tests and simulations. */
public final class InMemoryDecisionLog implements DecisionLog {

    private final List<NudgeDecision> decisions = new ArrayList<>();

    @Override
    public NudgeDecision decideOnce(NudgeDecision d) {
        Optional<NudgeDecision> earlier = find(d.teamId(), d.leaderId(), d.week());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        NudgeDecision stored = new NudgeDecision(
                decisions.size() + 1,
                d.teamId(),
                d.leaderId(),
                d.week(),
                d.dimension(),
                d.nudgeId(),
                d.probability(),
                d.sent(),
                d.decidedAt(),
                d.rule());
        decisions.add(stored);
        return stored;
    }

    @Override
    public Optional<NudgeDecision> find(long teamId, String leaderId, WeekId week) {
        return decisions.stream()
                .filter(d -> d.teamId() == teamId
                        && d.leaderId().equals(leaderId)
                        && d.week().equals(week))
                .findFirst();
    }

    @Override
    public List<NudgeDecision> ofLeader(long teamId, String leaderId, WeekId from, WeekId to) {
        return decisions.stream()
                .filter(d -> d.teamId() == teamId
                        && d.leaderId().equals(leaderId)
                        && d.week().compareTo(from) >= 0
                        && d.week().compareTo(to) <= 0)
                .toList();
    }

    @Override
    public List<NudgeDecision> since(WeekId from) {
        return decisions.stream().filter(d -> d.week().compareTo(from) >= 0).toList();
    }

    @Override
    public int deleteOfLeader(long teamId, String leaderId) {
        int before = decisions.size();
        decisions.removeIf(d -> d.teamId() == teamId && d.leaderId().equals(leaderId));
        return before - decisions.size();
    }

    public List<NudgeDecision> all() {
        return List.copyOf(decisions);
    }
}
