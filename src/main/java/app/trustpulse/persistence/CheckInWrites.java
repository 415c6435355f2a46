package app.trustpulse.persistence;

import app.trustpulse.pulse.DeliveryClaim;
import app.trustpulse.pulse.GroupWriter;
import app.trustpulse.pulse.Liveness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writes a round's senders make to one check-in each, one after the other: claim it, mark it sent, mark its
 * reminder sent. Those of every sender waiting at that moment are made in one transaction: on H2 every commit writes a
 * chunk of the file before it returns, and each send was two commits. Each caller returns once the transaction holding
 * its write has committed, a claim with whether it won.
 *
 * <p>Each claim is the same read and conditional update as alone ({@link DeliveryClaims#claim}), so of two claims on
 * a check-in only one wins. A batch claims its rows in the order of their ids, as every instance's batches do, so two
 * instances' claims do not deadlock; should PostgreSQL still find one, the batch fails and each of its writes is made
 * again on its own. A write inside a caller's transaction is made at once, in it.
 */
final class CheckInWrites {

    /** Writes in one transaction at most: a burst is written in a few steps, none of them long. */
    private static final int MAX_BATCH = 200;

    private static final Duration IDLE = Duration.ofSeconds(30);

    private sealed interface Write permits Claim, Sent, ReminderSent {}

    private record Claim(String readId, String update, long id, Instant now, Instant staleBefore) implements Write {}

    private record Sent(long id, Instant at, String messageRef) implements Write {}

    private record ReminderSent(long id) implements Write {}

    private final JdbcClient jdbc;
    private final Liveness liveness;
    private final TransactionTemplate transactions;
    private final GroupWriter<Write, Optional<DeliveryClaim>> writer;

    /** @param transactions to write each batch in one; null: each statement commits on its own */
    CheckInWrites(JdbcClient jdbc, Liveness liveness, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.liveness = liveness;
        this.transactions = transactions;
        this.writer = new GroupWriter<>("check-in-writes", MAX_BATCH, IDLE, this::writeBatch);
    }

    /**
     * Claims check-in {@code id} as {@link DeliveryClaims#claim} does, with {@code :id} as the key parameter of both
     * statements.
     */
    Optional<DeliveryClaim> claim(String readId, String update, long id, Instant now, Instant staleBefore) {
        return write(new Claim(readId, update, id, now, staleBefore));
    }

    /** The check-in went out; its status moves to SENT unless it already moved past it. */
    void sent(long id, Instant at, String messageRef) {
        write(new Sent(id, at, messageRef));
    }

    /** The claimed reminder went out. */
    void reminderSent(long id) {
        write(new ReminderSent(id));
    }

    private Optional<DeliveryClaim> write(Write write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // Inside the caller's transaction, so it commits (or rolls back) with it.
            return writeAll(List.of(write)).get(0);
        }
        try {
            return writer.write(write);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + write + " was written", e);
        }
    }

    private List<Optional<DeliveryClaim>> writeBatch(List<Write> batch) {
        return transactions == null ? writeAll(batch) : transactions.execute(status -> writeAll(batch));
    }

    private List<Optional<DeliveryClaim>> writeAll(List<Write> batch) {
        List<Optional<DeliveryClaim>> results = new ArrayList<>(Collections.nCopies(batch.size(), Optional.empty()));
        List<Integer> claims = new ArrayList<>();
        List<Sent> sent = new ArrayList<>();
        List<Long> reminders = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Write write = batch.get(i);
            if (write instanceof Claim) {
                claims.add(i);
            } else if (write instanceof Sent s) {
                sent.add(s);
            } else if (write instanceof ReminderSent r) {
                reminders.add(r.id());
            }
        }
        claims.sort(Comparator.comparingLong(i -> ((Claim) batch.get(i)).id()));
        for (int i : claims) {
            Claim c = (Claim) batch.get(i);
            results.set(
                    i,
                    DeliveryClaims.claim(
                            jdbc, liveness, c.readId(), c.update(), Map.of("id", c.id()), c.now(), c.staleBefore()));
        }
        if (!sent.isEmpty()) {
            markSent(sent);
        }
        if (!reminders.isEmpty()) {
            jdbc.sql("UPDATE check_in SET reminder_sent = TRUE WHERE id IN (:ids) AND reminded_at IS NOT NULL")
                    .param("ids", reminders)
                    .update();
        }
        return results;
    }

    private void markSent(List<Sent> marks) {
        String when = " WHEN ? THEN ?".repeat(marks.size());
        List<Object> params = new ArrayList<>(marks.size() * 5);
        for (Sent m : marks) {
            params.add(m.id());
            params.add(SqlSupport.utc(m.at()));
        }
        for (Sent m : marks) {
            params.add(m.id());
            params.add(m.messageRef());
        }
        marks.forEach(m -> params.add(m.id()));
        jdbc.sql(
                        "UPDATE check_in SET status = CASE WHEN status IN ('SCHEDULED', 'SENDING') THEN 'SENT' ELSE status END,"
                                + " sent_at = CASE id" + when + " END, message_ref = CASE id" + when + " END"
                                + " WHERE id IN (" + String.join(", ", Collections.nCopies(marks.size(), "?")) + ")")
                .params(params)
                .update();
    }
}
