package app.trustpulse.nudge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A nudge log in a list, for tests of what is made of it. */
public final class InMemoryNudgeLog implements NudgeLog {

    private final List<SentNudge> nudges = new ArrayList<>();

    @Override
    public long record(SentNudge n) {
        long id = nudges.size() + 1;
        nudges.add(new SentNudge(
                id,
                n.teamId(),
                n.leaderId(),
                n.nudgeId(),
                n.dimension(),
                n.reason(),
                n.week(),
                n.occasion(),
                n.sentAt(),
                n.reaction()));
        return id;
    }

    @Override
    public List<SentNudge> ofLeader(long teamId, String leaderId, Instant since) {
        return nudges.stream()
                .filter(n -> n.teamId() == teamId
                        && n.leaderId().equals(leaderId)
                        && !n.sentAt().isBefore(since))
                .toList();
    }

    @Override
    public Optional<SentNudge> find(long id) {
        return nudges.stream().filter(n -> n.id() == id).findFirst();
    }

    @Override
    public int countOfLeader(long teamId, String leaderId) {
        return (int) nudges.stream()
                .filter(n -> n.teamId() == teamId && n.leaderId().equals(leaderId))
                .count();
    }

    @Override
    public int deleteOfLeader(long teamId, String leaderId) {
        int before = nudges.size();
        nudges.removeIf(n -> n.teamId() == teamId && n.leaderId().equals(leaderId));
        return before - nudges.size();
    }

    @Override
    public boolean react(long id, String leaderId, SentNudge.Reaction reaction, Instant at) {
        for (int i = 0; i < nudges.size(); i++) {
            SentNudge n = nudges.get(i);
            if (n.id() == id && n.leaderId().equals(leaderId)) {
                nudges.set(
                        i,
                        new SentNudge(
                                n.id(),
                                n.teamId(),
                                n.leaderId(),
                                n.nudgeId(),
                                n.dimension(),
                                n.reason(),
                                n.week(),
                                n.occasion(),
                                n.sentAt(),
                                Optional.of(reaction)));
                return true;
            }
        }
        return false;
    }
}
