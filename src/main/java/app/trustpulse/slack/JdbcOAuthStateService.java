package app.trustpulse.slack;

import com.slack.api.bolt.service.OAuthStateService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OAuth state values in the database, so the install can start on one instance and finish on another.
 * A state is valid for ten minutes and works once.
 */
class JdbcOAuthStateService implements OAuthStateService {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcOAuthStateService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("DELETE FROM slack_oauth_state WHERE expires_at < ?")
                .param(now)
                .update();
        jdbc.sql("INSERT INTO slack_oauth_state (state, expires_at) VALUES (?, ?)")
                .params(state, now.plusSeconds(getExpirationInSeconds()))
                .update();
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return jdbc.sql("SELECT COUNT(*) FROM slack_oauth_state WHERE state = ? AND expires_at >= ?")
                        .params(state, now)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        jdbc.sql("DELETE FROM slack_oauth_state WHERE state = ?").param(state).update();
    }
}
