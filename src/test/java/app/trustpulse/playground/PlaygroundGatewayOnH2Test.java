package app.trustpulse.playground;

import javax.sql.DataSource;

class PlaygroundGatewayOnH2Test extends PlaygroundGatewayContract {

    @Override
    DataSource database() {
        return PlaygroundTestDatabase.h2();
    }
}
