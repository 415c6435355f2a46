package app.trustpulse.persistence;

import app.trustpulse.doctor.DatabaseCheck;
import app.trustpulse.doctor.Finding;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/** The doctor's database check: a connection answers, and Flyway has applied every migration, none failed. */
final class DatabaseDoctor implements DatabaseCheck {

    private static final int VALID_SECONDS = 5;

    private final DataSource dataSource;
    private final Optional<Flyway> flyway;

    DatabaseDoctor(DataSource dataSource, Optional<Flyway> flyway) {
        this.dataSource = dataSource;
        this.flyway = flyway;
    }

    @Override
    public Finding database() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(VALID_SECONDS)) {
                return Finding.fix("doctor.database.unreachable", "the connection is not valid");
            }
        } catch (SQLException e) {
            return Finding.fix(
                    "doctor.database.unreachable",
                    e.getClass().getSimpleName() + (e.getSQLState() == null ? "" : " " + e.getSQLState()));
        }
        if (flyway.isEmpty()) {
            return Finding.ok("doctor.database.ok", 0);
        }
        MigrationInfoService info = flyway.get().info();
        Optional<MigrationInfo> failed =
                Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).findFirst();
        if (failed.isPresent()) {
            return Finding.fix(
                    "doctor.database.failed",
                    failed.get().getVersion() + " " + failed.get().getDescription());
        }
        MigrationInfo[] pending = info.pending();
        if (pending.length > 0) {
            return Finding.fix(
                    "doctor.database.pending",
                    pending.length,
                    Arrays.stream(pending).map(m -> "V" + m.getVersion()).collect(Collectors.joining(", ")));
        }
        return Finding.ok("doctor.database.ok", info.applied().length);
    }
}
