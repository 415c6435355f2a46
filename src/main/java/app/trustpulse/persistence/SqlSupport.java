package app.trustpulse.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * What the repositories share. Instants travel as {@link OffsetDateTime} in UTC, which both the H2 and the
 * PostgreSQL driver map to TIMESTAMP WITH TIME ZONE.
 *
 * <p>Race-safe inserts use {@code INSERT ... ON CONFLICT DO NOTHING}: native on PostgreSQL, and understood by
 * H2 in PostgreSQL mode. Unlike catching a duplicate-key error, it leaves a surrounding PostgreSQL
 * transaction usable.
 */
final class SqlSupport {

    private SqlSupport() {}

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(instant(rs, column));
    }

    /** Runs an insert and returns the generated {@code id}. */
    static long insertReturningId(JdbcClient.StatementSpec insert) {
        KeyHolder keys = new GeneratedKeyHolder();
        insert.update(keys, "id");
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("insert returned no id");
        }
        return id.longValue();
    }

    /**
     * Updates the row, or inserts it when there is none. When the insert finds that another writer inserted
     * the row in between (it does nothing), the update runs once more, so the row ends up with these values
     * unless the update's own condition says otherwise.
     *
     * @param update           an UPDATE of the row; returns the number of rows changed
     * @param insertIfAbsent   an {@code INSERT ... ON CONFLICT DO NOTHING} of the row; returns rows inserted
     */
    static void updateOrInsert(IntSupplier update, IntSupplier insertIfAbsent) {
        if (update.getAsInt() == 0 && insertIfAbsent.getAsInt() == 0) {
            update.getAsInt();
        }
    }
}
