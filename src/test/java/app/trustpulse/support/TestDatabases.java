package app.trustpulse.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Fresh, migrated databases for tests: an in-memory H2 in PostgreSQL mode, or a database of its own on one
 * embedded PostgreSQL server shared by the whole JVM (started on first use). Each call returns a new, empty
 * database with every Flyway migration applied, so tests never see each other's rows.
 */
public final class TestDatabases {

    /** The mode flags the application's H2 URL must use too. */
    public static final String H2_FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private TestDatabases() {
    }

    public static DataSource h2() {
        // DB_CLOSE_DELAY=-1 keeps the in-memory database alive between connections until the JVM ends.
        String url = "jdbc:h2:mem:tp-" + UUID.randomUUID() + H2_FLAGS + ";DB_CLOSE_DELAY=-1";
        DataSource ds = new DriverManagerDataSource(url, "sa", "");
        migrate(ds, "h2");
        return ds;
    }

    public static DataSource postgres() {
        return Postgres.INSTANCE.newDatabase();
    }

    static void migrate(DataSource ds, String vendor) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load()
                .migrate();
    }

    /** The shared server. Migrations run once, into a template; each new database is a copy of it. */
    private static final class Postgres {

        static final Postgres INSTANCE = new Postgres();
        private static final String TEMPLATE = "tp_template";

        private final EmbeddedPostgres server;
        private final AtomicInteger databases = new AtomicInteger();

        private Postgres() {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
            execute("CREATE DATABASE " + TEMPLATE);
            migrate(server.getDatabase("postgres", TEMPLATE), "postgresql");
        }

        synchronized DataSource newDatabase() {
            String name = "tp_" + databases.incrementAndGet();
            execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
            return server.getDatabase("postgres", name);
        }

        private void execute(String sql) {
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }
    }
}
