package app.trustpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.trustpulse.chat.LocalPeople;
import app.trustpulse.command.AdminList;
import app.trustpulse.insight.Viewer;
import app.trustpulse.pulse.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** Who a sign-in stands for: the platform, workspace and user the chat knows, never someone else. */
class ViewersTest {

    @SuppressWarnings("unchecked")
    private final ObjectProvider<LocalPeople> noPlayground = mock(ObjectProvider.class);

    private final Viewers viewers = new Viewers(
            new AdminList(List.of("slack:UADMIN")),
            (tenant, oid) -> tenant.equals("tenant-1") && oid.equals("0f0e0d0c-0000-4000-8000-000000000001")
                    ? Optional.of("29:mia")
                    : Optional.empty(),
            noPlayground);

    private static OAuth2AuthenticationToken token(String provider, Map<String, Object> claims) {
        OidcIdToken id =
                new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60), claims);
        return new OAuth2AuthenticationToken(
                new DefaultOidcUser(AuthorityUtils.NO_AUTHORITIES, id, "sub"), AuthorityUtils.NO_AUTHORITIES, provider);
    }

    @Test
    void aSlackSignInIsTheUserOfItsWorkspaceAndAnAdminOnlyWhenListed() {
        Viewer v = viewers.of(token(
                        "slack",
                        Map.of(
                                "sub",
                                "U123",
                                "https://slack.com/user_id",
                                "U123",
                                "https://slack.com/team_id",
                                "T9",
                                "name",
                                "Mia")))
                .orElseThrow();
        assertThat(v).isEqualTo(new Viewer(Platform.SLACK, "T9", "U123", "Mia", false));
        assertThat(viewers.of(token(
                                "slack",
                                Map.of(
                                        "sub",
                                        "UADMIN",
                                        "https://slack.com/user_id",
                                        "UADMIN",
                                        "https://slack.com/team_id",
                                        "T9")))
                        .orElseThrow()
                        .admin())
                .isTrue();
    }

    @Test
    void aSlackSignInWithoutItsWorkspaceStandsForNobody() {
        assertThat(viewers.of(token("slack", Map.of("sub", "U123")))).isEmpty();
    }

    @Test
    void anEntraSignInIsTheTeamsUserTheBotSawWithThatObjectId() {
        Viewer v = viewers.of(token(
                        "microsoft",
                        Map.of(
                                "sub",
                                "pairwise-sub",
                                "tid",
                                "tenant-1",
                                "oid",
                                "0f0e0d0c-0000-4000-8000-000000000001",
                                "name",
                                "Mia")))
                .orElseThrow();
        assertThat(v).isEqualTo(new Viewer(Platform.TEAMS, "tenant-1", "29:mia", "Mia", false));
    }

    @Test
    void anEntraSignInTheBotHasNotSeenMatchesNoTeamsUser() {
        Viewer v = viewers.of(token(
                        "microsoft",
                        Map.of("sub", "s", "tid", "tenant-2", "oid", "0f0e0d0c-0000-4000-8000-000000000001")))
                .orElseThrow();
        assertThat(v.userId()).startsWith("aad:").doesNotStartWith("29:");
        assertThat(v.workspaceId()).isEqualTo("tenant-2");
    }

    @Test
    void aPlaygroundSignInEndsWithThePlayground() {
        when(noPlayground.getIfAvailable()).thenReturn(null);
        var local = new org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken(
                new LocalPeople.LocalPerson("demo", "mia", "Mia", false), "playground", AuthorityUtils.NO_AUTHORITIES);
        assertThat(viewers.of(local)).isEmpty();
    }
}
