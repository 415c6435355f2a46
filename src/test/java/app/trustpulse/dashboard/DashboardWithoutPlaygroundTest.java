package app.trustpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.support.TestDatabases;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the playground off there is no local sign-in: only the configured providers (here none) let anyone in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardWithoutPlaygroundTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        String url = "jdbc:h2:mem:dashboard-off-" + UUID.randomUUID() + TestDatabases.H2_FLAGS + ";DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.quartz.auto-startup", () -> "false");
        registry.add("pulse.playground.enabled", () -> "false");
    }

    @Test
    void nobodyCanSignInAsAPlaygroundPerson() throws Exception {
        HttpSession visitor = new HttpSession(port);
        String login = visitor.get("/dashboard/login").body();
        assertThat(login).doesNotContain("/dashboard/login/playground").contains("No sign-in is configured");

        // The page offers no form, so there is not even a token to post one with.
        HttpResponse<String> attempt = visitor.postUrlEncoded("/dashboard/login/playground", "person=ada");
        assertThat(attempt.statusCode()).isEqualTo(403);
        assertThat(visitor.get("/dashboard").statusCode())
                .as("still signed out")
                .isEqualTo(302);
        assertThat(visitor.get("/playground").statusCode()).isEqualTo(404);
    }
}
