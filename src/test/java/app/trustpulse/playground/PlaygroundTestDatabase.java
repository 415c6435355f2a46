package app.trustpulse.playground;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Fresh databases for the playground's tests: in-memory H2 with the application's flags, or a database of its
 * own on one embedded PostgreSQL server that lives as long as the JVM.
 */
final class PlaygroundTestDatabase {

    static final String H2_FLAGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private static EmbeddedPostgres server;

    private PlaygroundTestDatabase() {
    }

    /** An H2 database with the common migrations applied. */
    static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(h2Url());
        ds.setUser("sa");
        return migrated(ds);
    }

    static String h2Url() {
        return "jdbc:h2:mem:playground-" + UUID.randomUUID() + H2_FLAGS;
    }

    /** A PostgreSQL database with the common migrations applied. */
    static DataSource postgres() {
        return migrated(emptyPostgres());
    }

    /** A new, empty PostgreSQL database (user {@code postgres}, no password), for the service to migrate itself. */
    static synchronized DataSource emptyPostgres() {
        String name = "playground_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return server().getDatabase("postgres", name);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }));
        }
        return server;
    }

    private static DataSource migrated(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common").load().migrate();
        return ds;
    }
}
