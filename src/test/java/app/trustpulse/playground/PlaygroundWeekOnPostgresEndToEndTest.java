package app.trustpulse.playground;

import app.trustpulse.support.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same week as {@link PlaygroundWeekEndToEndTest}, on PostgreSQL as production runs it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundWeekOnPostgresEndToEndTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws SQLException {
        DataSource db = TestDatabases.postgres();
        try (Connection c = db.getConnection()) {
            String url = c.getMetaData().getURL();
            String user = c.getMetaData().getUserName();
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> user);
            registry.add("spring.datasource.password", () -> "");
        }
    }

    @Test
    void aDemoTeamGoesThroughAWholeWeekOnPostgres() throws Exception {
        PlaygroundWeek week = new PlaygroundWeek(port);
        week.runsFromSetupToTheLeadersDigest();
        week.playsTheNextWeekWithTheWholeWeekButtons();
    }
}
