package app.trustpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Texts;
import app.trustpulse.support.TestDatabases;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The loop through the playground's web chat, over HTTP against the running service: the leader makes a promise from
 * the digest's own-words button, the next pulse in the channel shows it with the leader named, and the team's
 * dashboard page shows it to a member.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PromiseThroughThePlaygroundTest {

    private static final String WORDS = "I will ask for a dissenting view in every planning meeting";
    private static final Pattern OWN_WORDS = Pattern.compile("\"action\":\"(promise:\\d+:own(?::[A-Z]+)?)\"");
    private static final Pattern MESSAGE = Pattern.compile("\\{\"id\":(\\d+),\"author\":\"bot\"");

    @LocalServerPort
    int port;

    private final Texts texts = new Texts();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = "jdbc:h2:mem:promise-" + UUID.randomUUID() + TestDatabases.H2_FLAGS + ";DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.quartz.auto-startup", () -> "false");
    }

    @Test
    void aLeaderPicksAFocusFromTheDigestAndTheNextPulseAndTheDashboardShowIt() throws Exception {
        HttpSession anyone = new HttpSession(port);
        assertThat(anyone.postJson("/playground/api/demo", "{\"language\":\"en\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(anyone.postJson("/playground/api/simulate", "{}").statusCode())
                .isEqualTo(200);
        String state = anyone.get("/playground/api/state").body();
        String[] message = lastDigestButton(state);

        var made = anyone.postJson(
                "/playground/api/action",
                "{\"as\":\"lee\",\"messageId\":" + message[0] + ",\"action\":\"" + message[1]
                        + "\",\"input\":\"safety: " + WORDS + "\"}");
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.body()).contains(WORDS);

        assertThat(anyone.postJson(
                                "/playground/api/say",
                                "{\"as\":\"ada\",\"where\":\"channel\",\"text\":\"/pulse close-week\"}")
                        .statusCode())
                .isEqualTo(200);
        String channel = channel(anyone.get("/playground/api/state").body());
        String safety = texts.dimensionName(Language.EN, Dimension.SAFETY);
        assertThat(channel).contains("Our focus: " + safety).contains(WORDS);

        String page = new HttpSession(port).signInAs("mia").get("/dashboard").body();
        Matcher team = Pattern.compile("/dashboard/teams/(\\d+)").matcher(page);
        assertThat(team.find()).isTrue();
        String teamPage = new HttpSession(port)
                .signInAs("mia")
                .get("/dashboard/teams/" + team.group(1))
                .body();
        assertThat(teamPage).contains("id=\"promises\"").contains(safety).contains("dissenting view");

        // Two weeks on, the members' check-in asks; the demo's made-up answers include that question.
        assertThat(anyone.postJson("/playground/api/week/next", "{}").statusCode())
                .isEqualTo(200);
        assertThat(anyone.postJson("/playground/api/week/next", "{}").statusCode())
                .isEqualTo(200);
        assertThat(anyone.postJson("/playground/api/week/send", "{}").statusCode())
                .isEqualTo(200);
        String asked = anyone.get("/playground/api/state").body();
        assertThat(asked).contains("noticed:");
        assertThat(anyone.postJson("/playground/api/week/answer", "{}").statusCode())
                .isEqualTo(200);
        assertThat(anyone.postJson("/playground/api/week/next", "{}").statusCode())
                .isEqualTo(200);
        String counted = channel(anyone.get("/playground/api/state").body());
        assertThat(counted).containsAnyOf("Did the team notice it? Week", "people said whether they noticed it");
    }

    /** The id of the last bot message in Lee's direct messages with an own-words promise button, and its action. */
    private static String[] lastDigestButton(String state) {
        int dm = state.indexOf("\"kind\":\"dm\",\"with\":\"lee\"");
        assertThat(dm).as("Lee's direct messages").isNotNegative();
        String lee = state.substring(dm, endOfConversation(state, dm));
        String[] found = null;
        Matcher m = MESSAGE.matcher(lee);
        while (m.find()) {
            int end = lee.indexOf("{\"id\":", m.end());
            String one = lee.substring(m.start(), end < 0 ? lee.length() : end);
            Matcher action = OWN_WORDS.matcher(one);
            if (action.find()) {
                found = new String[] {m.group(1), action.group(1)};
            }
        }
        assertThat(found).as("a digest with an own-words promise button").isNotNull();
        return found;
    }

    private static String channel(String state) {
        int at = state.indexOf("\"kind\":\"channel\"");
        return state.substring(at, endOfConversation(state, at));
    }

    private static int endOfConversation(String state, int from) {
        int next = state.indexOf("\"kind\":", from + 10);
        return next < 0 ? state.length() : next;
    }
}
