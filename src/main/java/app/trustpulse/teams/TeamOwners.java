package app.trustpulse.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether someone owns a team. The Bot Connector's roster does not say who the owners are, so this asks Microsoft
 * Graph for the person's membership of the team (the app's resource-specific permission TeamMember.Read.Group,
 * granted when the team installs the app) and looks for the role "owner". Any failure counts as "not an owner":
 * the service's admin list still applies.
 */
class TeamOwners {

    private static final Logger LOG = LoggerFactory.getLogger(TeamOwners.class);

    private final Function<String, Optional<String>> graphTokens;
    private final String graphUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param graphTokens an access token for Microsoft Graph in the given tenant, if the app can get one
     * @param graphUrl    the Graph API base, e.g. https://graph.microsoft.com/v1.0/
     */
    TeamOwners(Function<String, Optional<String>> graphTokens, String graphUrl) {
        this.graphTokens = graphTokens;
        this.graphUrl = graphUrl.endsWith("/") ? graphUrl : graphUrl + "/";
    }

    /**
     * @param groupId     the team's Microsoft 365 group id ({@code aadGroupId} in the Teams channel data)
     * @param aadObjectId the person's Entra ID object id ({@code from.aadObjectId} of the activity)
     */
    boolean isOwner(String tenantId, String groupId, String aadObjectId) {
        if (groupId == null || aadObjectId == null || !aadObjectId.matches("[0-9a-fA-F-]{36}")) {
            return false;
        }
        Optional<String> token = graphTokens.apply(tenantId);
        if (token.isEmpty()) {
            return false;
        }
        String filter = "(microsoft.graph.aadUserConversationMember/userId eq '" + aadObjectId + "')";
        URI uri = URI.create(
                graphUrl + "teams/" + URLEncoder.encode(groupId, StandardCharsets.UTF_8) + "/members?$filter="
                        + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token.get())
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.info("Teams owner check: Microsoft Graph answered {} for team {}", response.statusCode(), groupId);
                return false;
            }
            JsonNode members = Serialization.jsonToTree(response.body()).path("value");
            for (JsonNode member : members) {
                if (aadObjectId.equalsIgnoreCase(member.path("userId").asText())) {
                    for (JsonNode role : member.path("roles")) {
                        if ("owner".equalsIgnoreCase(role.asText())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (IOException e) {
            LOG.info("Teams owner check failed: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
