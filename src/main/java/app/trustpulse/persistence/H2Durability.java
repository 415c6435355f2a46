package app.trustpulse.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Warns at start when the database is an H2 file that writes commits late (WRITE_DELAY above 0, set in the URL or by
 * an H2 server): a kill -9 then loses what was committed last, acknowledged requests and the record of messages sent
 * among it, so those messages go out twice. The default URL, and any embedded H2 URL without the setting, have
 * {@code WRITE_DELAY=0}.
 */
final class H2Durability implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(H2Durability.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    H2Durability(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!isH2()) {
            return;
        }
        List<Integer> delay = jdbc.sql(
                        "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'")
                .query(Integer.class)
                .list();
        if (!delay.isEmpty() && delay.get(0) > 0) {
            LOG.warn(
                    "the H2 database writes commits up to {} ms late (WRITE_DELAY={}): a kill -9 or a crash loses the "
                            + "last commits, so acknowledged requests can be lost and messages sent twice; add WRITE_DELAY=0 to "
                            + "the database URL, or use PostgreSQL",
                    delay.get(0),
                    delay.get(0));
        }
    }

    private boolean isH2() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .equals("h2");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }
}
