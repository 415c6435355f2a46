package app.trustpulse.playground;

import app.trustpulse.support.TestDatabases;
import javax.sql.DataSource;

class PlaygroundGatewayOnH2Test extends PlaygroundGatewayContract {

    @Override
    DataSource database() {
        return TestDatabases.h2();
    }
}
