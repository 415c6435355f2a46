package app.trustpulse.persistence;

import app.trustpulse.insight.TeamsIdentities;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads table {@code teams_identity}, which the Teams adapter fills from activities and rosters. */
final class JdbcTeamsIdentities implements TeamsIdentities {

    private final JdbcClient jdbc;

    JdbcTeamsIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> userIdOf(String tenantId, String aadObjectId) {
        return jdbc.sql("SELECT user_id FROM teams_identity WHERE tenant_id = :tenant AND aad_object_id = :oid")
                .param("tenant", tenantId)
                .param("oid", aadObjectId.toLowerCase(Locale.ROOT))
                .query(String.class)
                .optional();
    }
}
