package app.trustpulse.work;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Failures that say nothing about the work itself: the database was out of reach for a moment (no connection within
 * the pool's timeout, a dropped connection, a lock or serialization conflict). The same work is expected to succeed
 * when the durable queue runs it again.
 */
public final class TransientFailures {

    private TransientFailures() {}

    /** Whether the failure, or one of its causes, is a passing database failure. */
    public static boolean isTransient(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
            // CannotGetJdbcConnectionException is a DataAccessResourceFailureException.
            if (t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }
}
