package app.trustpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With Slack's and Microsoft's sign-in configured, the sign-in page offers both and each button sends the browser to
 * its provider with the service's client id and its own return address; no manager for calling the providers' APIs
 * with a person's tokens (and its HTTP clients) is built, since the dashboard only signs people in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardSignInTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        String url =
                "jdbc:h2:mem:dashboard-sign-in-" + UUID.randomUUID() + TestDatabases.H2_FLAGS + ";DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.quartz.auto-startup", () -> "false");
        registry.add("pulse.playground.enabled", () -> "false");
        registry.add("pulse.dashboard.slack.client-id", () -> "slack-client");
        registry.add("pulse.dashboard.slack.client-secret", () -> "slack-secret");
        registry.add("pulse.dashboard.microsoft.client-id", () -> "microsoft-client");
        registry.add("pulse.dashboard.microsoft.client-secret", () -> "microsoft-secret");
        registry.add("pulse.dashboard.microsoft.tenant-id", () -> "contoso-tenant");
    }

    @Test
    void eachProvidersButtonSendsTheBrowserToItsSignIn() throws Exception {
        HttpSession visitor = new HttpSession(port);
        String login = visitor.get("/dashboard/login").body();
        assertThat(login).contains("/oauth2/authorization/slack").contains("/oauth2/authorization/microsoft");

        URI slack = redirect(visitor.get("/oauth2/authorization/slack"));
        assertThat(slack.toString()).startsWith("https://slack.com/openid/connect/authorize?");
        assertThat(slack.getQuery())
                .contains("client_id=slack-client")
                .contains("scope=openid profile")
                .contains("redirect_uri=http://127.0.0.1:" + port + "/login/oauth2/code/slack");

        URI microsoft = redirect(visitor.get("/oauth2/authorization/microsoft"));
        assertThat(microsoft.toString())
                .startsWith("https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/authorize?");
        assertThat(microsoft.getQuery()).contains("client_id=microsoft-client");
    }

    @Test
    void noManagerForCallingTheProvidersApisIsBuilt() {
        assertThat(context.getBeanNamesForType(OAuth2AuthorizedClientManager.class))
                .isEmpty();
    }

    private static URI redirect(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }
}
