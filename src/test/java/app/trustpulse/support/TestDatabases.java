package app.trustpulse.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Fresh, migrated databases for tests: an in-memory H2 in PostgreSQL mode, or a database of its own on one
 * embedded PostgreSQL server shared by the whole JVM (started on first use). Each call returns a new, empty
 * database with every Flyway migration applied, so tests never see each other's rows.
 *
 * <p>Flyway runs once per vendor, into a template; every new database is a copy of that template, which is
 * many times faster than migrating each one.
 */
public final class TestDatabases {

    /** The mode flags the application's H2 URL must use too. */
    public static final String H2_FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** The pseudonym key of tests that run the application with a real platform, which then insists on one. */
    public static final String PSEUDONYM_KEY = "test-pseudonym-key-of-at-least-32-characters";
    /** Seals as the service does with {@link #PSEUDONYM_KEY}. */
    public static final app.trustpulse.pulse.Sealer SEALER = new app.trustpulse.pulse.PulseModule(
                    PSEUDONYM_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .sealer();

    private TestDatabases() {}

    public static DataSource h2() {
        return H2.INSTANCE.newDatabase();
    }

    public static DataSource postgres() {
        return Postgres.INSTANCE.newDatabase();
    }

    /**
     * A fresh migrated PostgreSQL database as a JDBC URL (user postgres, no password), for an application under
     * test.
     */
    public static String postgresUrl() {
        return Postgres.INSTANCE.newDatabaseUrl();
    }

    /**
     * A fresh database migrated only up to the given version, as a database of an earlier release would be; finish it
     * with {@link #migrate(DataSource, String)}.
     */
    public static DataSource migratedUpTo(String vendor, String version) {
        DataSource ds = vendor.equals("h2")
                ? new DriverManagerDataSource(
                        "jdbc:h2:mem:tp-" + UUID.randomUUID() + H2_FLAGS + ";DB_CLOSE_DELAY=-1", "sa", "")
                : Postgres.INSTANCE.newEmptyDatabase();
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .target(version)
                .load()
                .migrate();
        return ds;
    }

    public static void migrate(DataSource ds, String vendor) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load()
                .migrate();
    }

    /** A migrated in-memory template, kept as the SQL script that recreates it. */
    private static final class H2 {

        static final H2 INSTANCE = new H2();

        private final List<String> script = new ArrayList<>();

        private H2() {
            DataSource template = newDataSource();
            migrate(template, "h2");
            try (Connection c = template.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
                while (rs.next()) {
                    if (!rs.getString(1).startsWith("--")) {
                        script.add(rs.getString(1));
                    }
                }
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("could not script the H2 template", e);
            }
        }

        DataSource newDatabase() {
            DataSource ds = newDataSource();
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement()) {
                for (String sql : script) {
                    s.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not create an H2 database", e);
            }
            return ds;
        }

        private static DataSource newDataSource() {
            // DB_CLOSE_DELAY=-1 keeps the in-memory database alive between connections until the JVM ends.
            return new DriverManagerDataSource(
                    "jdbc:h2:mem:tp-" + UUID.randomUUID() + H2_FLAGS + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
    }

    /** The shared server. Migrations run once, into a template database; each new database is a copy of it. */
    private static final class Postgres {

        static final Postgres INSTANCE = new Postgres();
        private static final String TEMPLATE = "tp_template";

        private final EmbeddedPostgres server;
        private final AtomicInteger databases = new AtomicInteger();

        private Postgres() {
            try {
                // Durability is of no use to a throw-away test server; without it CREATE DATABASE is much faster.
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
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
            return server.getDatabase("postgres", createDatabase());
        }

        synchronized DataSource newEmptyDatabase() {
            String name = "tp_" + databases.incrementAndGet();
            execute("CREATE DATABASE " + name);
            return server.getDatabase("postgres", name);
        }

        synchronized String newDatabaseUrl() {
            return server.getJdbcUrl("postgres", createDatabase());
        }

        private String createDatabase() {
            String name = "tp_" + databases.incrementAndGet();
            execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
            return name;
        }

        private void execute(String sql) {
            try (Connection c = server.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }
    }
}
