package app.trustpulse.persistence;

import app.trustpulse.support.TestDatabases;
import javax.sql.DataSource;

/** The two databases every repository test runs against. */
enum TestDb {
    H2,
    POSTGRESQL;

    /** A fresh, migrated database. */
    DataSource dataSource() {
        return this == H2 ? TestDatabases.h2() : TestDatabases.postgres();
    }
}
