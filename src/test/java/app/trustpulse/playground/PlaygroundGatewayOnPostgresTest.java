package app.trustpulse.playground;

import javax.sql.DataSource;

class PlaygroundGatewayOnPostgresTest extends PlaygroundGatewayContract {

    @Override
    DataSource database() {
        return PlaygroundTestDatabase.postgres();
    }
}
