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

/**
 * The install check on the dashboard: linked from an admin's overview, the same lines as {@code /pulse doctor}, and
 * for admins only. Here, in the playground with the scheduler held back and no public address, it has things to fix.
 * Beside it, for admins too, what the randomised nudges did across the deployment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardDoctorTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = "jdbc:h2:mem:doctor-" + UUID.randomUUID() + TestDatabases.H2_FLAGS + ";DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.quartz.auto-startup", () -> "false");
    }

    @Test
    void anAdminSeesTheInstallCheckAndAMemberDoesNot() throws Exception {
        HttpSession anyone = new HttpSession(port);
        // The demo team exists once per context, whichever test makes it first.
        assertThat(anyone.postJson("/playground/api/demo", "{\"language\":\"en\"}")
                        .statusCode())
                .isIn(200, 409);
        assertThat(anyone.get(DoctorController.PATH).statusCode())
                .as("signed out")
                .isEqualTo(302);

        HttpSession ada = new HttpSession(port).signInAs("ada");
        assertThat(ada.get("/dashboard").body()).contains("id=\"doctor-link\"", "href=\"/dashboard/doctor\"");
        HttpResponse<String> page = ada.get(DoctorController.PATH);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"doctor\"")
                .contains("✓ Database: reachable,")
                .contains("✗ Public address: not set.")
                .contains("✗ Key of the personal data: generated and kept in the database")
                .contains("✗ Scheduler: the scheduler of the weekly rounds (Quartz) does not run")
                .doesNotContain("Slack permissions")
                .doesNotContain("Microsoft Teams credentials");

        HttpSession mia = new HttpSession(port).signInAs("mia");
        assertThat(mia.get("/dashboard").body()).doesNotContain("doctor-link");
        HttpResponse<String> refused = mia.get(DoctorController.PATH);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("✓").doesNotContain("✗");
    }

    @Test
    void anAdminSeesWhatTheNudgesDidAcrossTheDeploymentAndAMemberDoesNot() throws Exception {
        HttpSession anyone = new HttpSession(port);
        // The demo team exists once per context, whichever test makes it first.
        assertThat(anyone.postJson("/playground/api/demo", "{\"language\":\"en\"}")
                        .statusCode())
                .isIn(200, 409);

        HttpSession ada = new HttpSession(port).signInAs("ada");
        assertThat(ada.get("/dashboard").body()).contains("id=\"effects-link\"", "href=\"/dashboard/nudge-effects\"");
        HttpResponse<String> page = ada.get(NudgeEffectsController.PATH);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"effects\"").contains("What the nudges did");

        HttpSession mia = new HttpSession(port).signInAs("mia");
        HttpResponse<String> refused = mia.get(NudgeEffectsController.PATH);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("id=\"effects\"");
    }
}
