package app.trustpulse.playground;

import app.trustpulse.support.TestDatabases;
import javax.sql.DataSource;

class PlaygroundGatewayOnPostgresTest extends PlaygroundGatewayContract {

    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
