package app.trustpulse.slack;

import com.slack.api.bolt.response.Response;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the acknowledgement of one request in one database transaction, so everything it stores (the mark that the
 * request was seen, the work it queued) commits together before Slack gets its 200, or not at all. Without a
 * transaction manager (the adapter tested on its own with in-memory stores) it simply runs.
 */
final class OneCommit {

    /** What the transaction runs: the rest of Bolt's middleware chain, which may throw checked exceptions. */
    @FunctionalInterface
    interface Acknowledging {
        Response run() throws Exception;
    }

    private final TransactionTemplate transactions;

    private OneCommit(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    static OneCommit of(TransactionTemplate transactions) {
        return new OneCommit(transactions);
    }

    Response run(Acknowledging acknowledging) throws Exception {
        if (transactions == null) {
            return acknowledging.run();
        }
        try {
            return transactions.execute(status -> {
                try {
                    return acknowledging.run();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new Checked(e);
                }
            });
        } catch (Checked c) {
            throw c.checked;
        }
    }

    /** Carries a checked exception through the transaction, which rolls back on it, to the caller. */
    private static final class Checked extends RuntimeException {

        private final Exception checked;

        Checked(Exception checked) {
            super(checked);
            this.checked = checked;
        }
    }
}
