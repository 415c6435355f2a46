package app.trustpulse.dashboard;

import app.trustpulse.chat.LocalPeople;
import app.trustpulse.command.AdminList;
import app.trustpulse.insight.TeamsIdentities;
import app.trustpulse.insight.Viewer;
import app.trustpulse.pulse.Platform;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Who a signed-in person is on their platform. Slack's sign-in names the workspace and the user directly;
 * Entra ID names the tenant and the person's object id, which the Teams adapter has seen beside their Teams
 * user id; a playground sign-in names a playground person.
 */
final class Viewers {

    static final String SLACK_USER = "https://slack.com/user_id";
    static final String SLACK_TEAM = "https://slack.com/team_id";

    private final AdminList admins;
    private final TeamsIdentities teamsIdentities;
    private final ObjectProvider<LocalPeople> localPeople;

    Viewers(AdminList admins, TeamsIdentities teamsIdentities, ObjectProvider<LocalPeople> localPeople) {
        this.admins = admins;
        this.teamsIdentities = teamsIdentities;
        this.localPeople = localPeople;
    }

    /** Empty when the sign-in no longer stands for anyone (a playground person since reset, the playground off). */
    Optional<Viewer> of(Authentication auth) {
        if (auth instanceof PreAuthenticatedAuthenticationToken local
                && local.getPrincipal() instanceof LocalPeople.LocalPerson p) {
            LocalPeople people = localPeople.getIfAvailable();
            if (people == null) {
                return Optional.empty();
            }
            return people.find(p.userId())
                    .map(now -> new Viewer(
                            Platform.PLAYGROUND, now.workspaceId(), now.userId(), now.displayName(), now.admin()));
        }
        if (auth instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user) {
            return switch (token.getAuthorizedClientRegistrationId()) {
                case SignInProviders.SLACK -> slack(user);
                case SignInProviders.MICROSOFT -> microsoft(user);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private Optional<Viewer> slack(OidcUser user) {
        String workspace = user.getClaimAsString(SLACK_TEAM);
        String userId = Optional.ofNullable(user.getClaimAsString(SLACK_USER)).orElse(user.getSubject());
        if (workspace == null || userId == null) {
            return Optional.empty();
        }
        return Optional.of(new Viewer(
                Platform.SLACK, workspace, userId, name(user, userId), admins.contains(Platform.SLACK, userId)));
    }

    private Optional<Viewer> microsoft(OidcUser user) {
        String tenant = user.getClaimAsString("tid");
        String objectId = user.getClaimAsString("oid");
        if (tenant == null || objectId == null) {
            return Optional.empty();
        }
        // Someone the bot has not met yet has no Teams user id: they see no team until they have.
        String userId = teamsIdentities.userIdOf(tenant, objectId).orElse("aad:" + objectId);
        return Optional.of(new Viewer(
                Platform.TEAMS, tenant, userId, name(user, userId), admins.contains(Platform.TEAMS, userId)));
    }

    private static String name(OidcUser user, String fallback) {
        return Optional.ofNullable(user.getFullName())
                .or(() -> Optional.ofNullable(user.getPreferredUsername()))
                .orElse(fallback);
    }
}
