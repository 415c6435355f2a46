package app.trustpulse.playground;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;

class PlaygroundGatewayOnPostgresTest extends PlaygroundGatewayContract {

    @Override
    DataSource database() {
        return PlaygroundTestDatabase.postgres();
    }

    @AfterAll
    static void stopPostgres() {
        PlaygroundTestDatabase.stopPostgres();
    }
}
