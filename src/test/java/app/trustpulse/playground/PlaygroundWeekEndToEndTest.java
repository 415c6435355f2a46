package app.trustpulse.playground;

import app.trustpulse.support.TestDatabases;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole weekly loop through the playground, on the service as it starts with no settings (H2). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundWeekEndToEndTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = "jdbc:h2:mem:playground-week-" + UUID.randomUUID() + TestDatabases.H2_FLAGS + ";DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
    }

    @Test
    void aDemoTeamGoesThroughAWholeWeekToThePulseAndTheLeadersDigestAndPlaysOnThroughAWholeBlock() throws Exception {
        PlaygroundWeek week = new PlaygroundWeek(port);
        week.runsFromSetupToTheLeadersDigest();
        week.playsTheNextWeekWithTheWholeWeekButtons();
        week.playsAWholeBlockAndShowsTrustInTheLeaderFromEveryMemberOnce();
    }
}
