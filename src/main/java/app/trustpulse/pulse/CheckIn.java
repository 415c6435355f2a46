package app.trustpulse.pulse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One prompt to one person in one week. The slot is the check-in's place in the week;
 * a (team, user, week, slot) exists at most once, which is what keeps a check-in from going out twice.
 */
public record CheckIn(
        long id,
        long teamId,
        String userId,
        WeekId week,
        int slot,
        Role audience,
        List<StatementRef> statements,
        Status status,
        Optional<Instant> sentAt,
        Optional<Instant> remindedAt,
        Optional<String> messageRef) {

    /** SENDING is held by the one instance delivering it, so a check-in never goes out twice. */
    public enum Status {
        SCHEDULED,
        SENDING,
        SENT,
        ANSWERED,
        EXPIRED
    }

    public CheckIn {
        statements = List.copyOf(statements);
    }

    public boolean asks(Dimension dimension) {
        return statements.stream().anyMatch(s -> s.dimension() == dimension);
    }

    public List<Dimension> dimensions() {
        return statements.stream().map(StatementRef::dimension).toList();
    }
}
