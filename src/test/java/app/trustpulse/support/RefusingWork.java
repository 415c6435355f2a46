package app.trustpulse.support;

import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An H2 trigger that refuses every new row of durable work while {@link #refusing} is set, as a failing database
 * would: for proving that what a request stores before its acknowledgement is stored whole or not at all.
 */
public final class RefusingWork implements org.h2.api.Trigger {

    public static volatile boolean refusing;

    /** Puts the trigger on {@code scheduled_tasks}; it stays quiet until {@link #refusing} is set. */
    public static void install(JdbcClient jdbc) {
        jdbc.sql("CREATE TRIGGER IF NOT EXISTS refuse_work BEFORE INSERT ON scheduled_tasks FOR EACH ROW CALL \""
                        + RefusingWork.class.getName() + "\"")
                .update();
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (refusing) {
            throw new SQLException("refused for the test");
        }
    }
}
