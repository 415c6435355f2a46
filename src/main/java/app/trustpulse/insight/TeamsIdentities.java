package app.trustpulse.insight;

import java.util.Optional;

/** Which Teams user (Bot Framework id) an Entra ID object id is, as seen in the tenant's activities and rosters. */
public interface TeamsIdentities {

    Optional<String> userIdOf(String tenantId, String aadObjectId);
}
