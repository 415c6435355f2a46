package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Application;
import app.trustpulse.chat.Actions;
import app.trustpulse.support.QueuedWork;
import app.trustpulse.support.RefusingWork;
import app.trustpulse.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application, driven the way the Bot Connector drives it: signed activities posted to /api/messages,
 * everything the bot says captured by a fake Bot Connector on loopback. One team runs one full week.
 */
@SpringBootTest(
        classes = Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "microsoft.app.id=test-app-id",
            "microsoft.app.password=not-used-in-tests",
            "pulse.pseudonym-secret=" + TestDatabases.PSEUDONYM_KEY,
            "teams.initial-backoff=1ms",
            "teams.max-backoff=5ms",
            "pulse.playground.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:teams-full-week;DB_CLOSE_DELAY=-1" + TestDatabases.H2_FLAGS
        })
@Import(OfflineCredentials.class)
class TeamsFullWeekTest {

    static final FakeBotConnector CONNECTOR = start();
    static final TestTokens TOKENS = new TestTokens();
    static final TeamsPayloads PAYLOADS = new TeamsPayloads(CONNECTOR.url());
    static final String OLGA = "29:olga";
    static final String LEA = "29:lea";
    static final List<String> CARD_ANSWERERS = List.of("29:m1", "29:m2", "29:m3");

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) {
        registry.add("teams.openid-metadata-url", CONNECTOR::openIdUrl);
        registry.add("teams.graph-url", CONNECTOR::graphUrl);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    app.trustpulse.pulse.AnswerRepository answers;

    /** Every answer kept, opened as the service opens them. */
    private List<app.trustpulse.pulse.Answer> storedAnswers() {
        return jdbc.sql("SELECT DISTINCT team_id, week FROM answer").query().listOfRows().stream()
                .flatMap(r -> answers
                        .ofWeek(((Number) r.get("team_id")).longValue(), app.trustpulse.pulse.WeekId.parse((String)
                                r.get("week")))
                        .stream())
                .toList();
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        CONNECTOR.close();
    }

    @Test
    void aTeamRunsAFullWeekInTeams() throws Exception {
        CONNECTOR.publishKey(TestTokens.KEY_ID, TOKENS.publishedKey());
        CONNECTOR.owner(TeamsPayloads.GROUP, TeamsPayloads.aadObjectId(OLGA));
        CONNECTOR.roster(
                TeamsPayloads.TEAM,
                2,
                List.of(
                        Map.of("id", OLGA, "name", "Olga Owner"),
                        Map.of("id", LEA, "name", "Lea Leader"),
                        Map.of("id", "29:m1", "name", "Mo One"),
                        Map.of("id", "29:m2", "name", "Mia Two"),
                        Map.of("id", "29:m3", "name", "Max Three")));

        // Installed in the team: a welcome in the channel.
        assertThat(post(PAYLOADS.botAddedToTeam(OLGA))).isEqualTo(200);
        assertThat(channelPosts())
                .singleElement()
                .satisfies(c -> assertThat(c.text()).contains("pulse setup"));

        // The owner sets the team up; the members come from the paged roster.
        assertThat(command("pulse setup", Map.of(LEA, "Lea Leader")))
                .contains("Pulse team set up")
                .contains("4 members and one leader");
        // The channel learns who set it up and for how many, the owner named the Teams way: by name.
        assertThat(channelPosts()).hasSize(2);
        assertThat(channelPosts().get(1).text())
                .startsWith("Olga Owner set up the pulse for 5 people in this channel, one of them as leader.");

        // send-now, while the Bot Connector throttles: a check-in card still arrives exactly once in every
        // member's 1:1 chat, created proactively.
        CONNECTOR.failNext(4, 429);
        assertThat(command("pulse send-now", Map.of())).contains("Sent 5 check-ins");
        assertThat(CONNECTOR.rejectedCount()).isEqualTo(4);
        for (String member : List.of(OLGA, LEA, "29:m1", "29:m2", "29:m3")) {
            assertThat(CONNECTOR.postedTo("a:chat-" + member).stream()
                            .filter(c -> !scaleIds(c.card()).isEmpty()))
                    .as("check-ins of %s", member)
                    .hasSize(1);
        }
        assertThat(CONNECTOR.createdChats())
                .extracting(c -> c.body().path("members").path(0).path("id").asText())
                .contains(OLGA, LEA, "29:m1", "29:m2", "29:m3");
        for (String member : CARD_ANSWERERS) {
            FakeBotConnector.Call card = latestCheckIn(member);
            assertThat(card.card().path("version").asText()).isEqualTo("1.5");
            assertThat(scaleIds(card.card())).isNotEmpty();
        }

        // Three members answer on the card; each card is updated in place to show what was recorded.
        int score = 3;
        for (String member : CARD_ANSWERERS) {
            FakeBotConnector.Call card = latestCheckIn(member);
            Map<String, String> value = new LinkedHashMap<>();
            for (String id : scaleIds(card.card())) {
                value.put(id, String.valueOf(score));
            }
            value.put(CardRenderer.SUBMIT_KEY, "answers");
            int updatesBefore = CONNECTOR.updates().size();
            assertThat(post(PAYLOADS.cardSubmit(
                            TeamsPayloads.nextId(), member, member, "a:chat-" + member, card.id(), value)))
                    .isEqualTo(200);
            List<FakeBotConnector.Call> updates = CONNECTOR
                    .updates()
                    .subList(updatesBefore, CONNECTOR.updates().size());
            assertThat(updates)
                    .isNotEmpty()
                    .allSatisfy(u -> assertThat(u.path())
                            .isEqualTo("/v3/conversations/" + "a:chat-" + member + "/activities/" + card.id()));
            assertThat(updates.get(updates.size() - 1).card().toString()).contains("✔ " + score + " · ", "Recorded");
            score++;
        }

        // A comment, typed into the updated card.
        FakeBotConnector.Call updated =
                CONNECTOR.updates().get(CONNECTOR.updates().size() - 1);
        String commentInput = inputIds(updated.card(), "Input.Text").get(0);
        assertThat(post(PAYLOADS.cardSubmit(
                        TeamsPayloads.nextId(),
                        "29:m3",
                        "Max Three",
                        "a:chat-29:m3",
                        updated.id(),
                        Map.of(commentInput, "We could decide more ourselves", CardRenderer.SUBMIT_KEY, "answers"))))
                .isEqualTo(200);
        assertThat(CONNECTOR
                        .postedTo("a:chat-29:m3")
                        .get(CONNECTOR.postedTo("a:chat-29:m3").size() - 1)
                        .text())
                .contains("Comment saved");

        // The owner answers by typing all six scores in the 1:1 chat.
        int before = CONNECTOR.postedTo("a:chat-" + OLGA).size();
        assertThat(post(PAYLOADS.personalMessage(TeamsPayloads.nextId(), OLGA, "Olga Owner", "4 4 4 4 4 4")))
                .isEqualTo(200);
        assertThat(CONNECTOR.postedTo("a:chat-" + OLGA)).hasSize(before + 1);
        assertThat(CONNECTOR.postedTo("a:chat-" + OLGA).get(before).text()).startsWith("Recorded");
        assertThat(storedAnswers().stream()
                        .map(app.trustpulse.pulse.Answer::pseudonym)
                        .distinct()
                        .count())
                .isEqualTo(4L);

        // close-week: the pulse card in the channel, the digest in the leader's 1:1 chat.
        int channelPostsBefore = channelPosts().size();
        assertThat(command("pulse close-week", Map.of())).contains("Week closed");
        List<FakeBotConnector.Call> channelPosts = channelPosts();
        assertThat(channelPosts).hasSize(channelPostsBefore + 1);
        JsonNode pulseCard = channelPosts.get(channelPosts.size() - 1).card();
        assertThat(pulseCard.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(pulseCard.toString()).contains("Trust", "ColumnSet");
        // no public address: the chart travels inside the card, and the whole message stays within Teams' ~28 KB
        JsonNode chart = null;
        for (JsonNode element : pulseCard.path("body")) {
            if ("Image".equals(element.path("type").asText())) {
                chart = element;
            }
        }
        assertThat(chart).as("a chart in the pulse card").isNotNull();
        assertThat(chart.path("url").asText()).startsWith("data:image/png;base64,");
        assertThat(chart.path("altText").asText()).startsWith("Chart of the pulse of week");
        int bytes = channelPosts
                .get(channelPosts.size() - 1)
                .body()
                .toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                .length;
        System.out.printf("Teams pulse with its chart inside: %,d bytes%n", bytes);
        assertThat(bytes).isLessThan(28_000);

        FakeBotConnector.Call digest = CONNECTOR.postedTo("a:chat-" + LEA).stream()
                .filter(c -> c.body().path("summary").asText().startsWith("Your weekly digest"))
                .findFirst()
                .orElseThrow();
        List<String> digestActions = submitActions(digest.card());
        assertThat(digestActions)
                .anyMatch(a -> a.matches("nudge:\\d+:tried"))
                .anyMatch(a -> a.matches("nudge:\\d+:notyet"));

        // The leader says "tried it".
        String tried = digestActions.stream()
                .filter(a -> a.endsWith(":tried"))
                .findFirst()
                .orElseThrow();
        assertThat(post(PAYLOADS.cardSubmit(
                        TeamsPayloads.nextId(),
                        LEA,
                        "Lea Leader",
                        "a:chat-" + LEA,
                        digest.id(),
                        Map.of(CardRenderer.ACTION_KEY, tried))))
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT reaction FROM nudge_sent WHERE id = ?")
                        .param(Long.parseLong(tried.split(":")[1]))
                        .query(String.class)
                        .single())
                .isNotBlank();

        // Max erases his data from the 1:1 chat: his answers, his comment, his check-ins and how to reach him.
        int maxBefore = CONNECTOR.postedTo("a:chat-29:m3").size();
        assertThat(post(PAYLOADS.personalMessage(TeamsPayloads.nextId(), "29:m3", "Max Three", "forget-me")))
                .isEqualTo(200);
        FakeBotConnector.Call question = CONNECTOR.postedTo("a:chat-29:m3").get(maxBefore);
        assertThat(submitActions(question.card())).contains(Actions.forgetMe(true));
        assertThat(post(PAYLOADS.cardSubmit(
                        TeamsPayloads.nextId(),
                        "29:m3",
                        "Max Three",
                        "a:chat-29:m3",
                        question.id(),
                        Map.of(CardRenderer.ACTION_KEY, Actions.forgetMe(true)))))
                .isEqualTo(200);
        assertThat(CONNECTOR
                        .postedTo("a:chat-29:m3")
                        .get(CONNECTOR.postedTo("a:chat-29:m3").size() - 1)
                        .text())
                .startsWith("Done. I erased")
                .contains("your membership of one team");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM teams_user WHERE user_id = '29:m3'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM check_in WHERE user_id = '29:m3'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(storedAnswers()).noneMatch(a -> a.comment().isPresent());

        // Nothing was sent twice; every call to the Bot Connector carried the bot's token, and team ownership
        // was asked of Microsoft Graph with a Graph token.
        assertThat(CONNECTOR.posted()).extracting(FakeBotConnector.Call::id).doesNotHaveDuplicates();
        assertThat(CONNECTOR.calls())
                .filteredOn(c -> c.path().startsWith("/v3/"))
                .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer " + TestBotCredentials.ACCESS_TOKEN));
        assertThat(CONNECTOR.calls())
                .filteredOn(c -> c.path().startsWith("/v1.0/"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer " + FakeBotConnector.GRAPH_TOKEN));
    }

    /** Posts "@Trust Pulse words" in the channel as the owner and returns the bot's reply in the thread. */
    private String command(String words, Map<String, String> mentions) throws Exception {
        String id = TeamsPayloads.nextId();
        assertThat(post(PAYLOADS.channelMessage(id, OLGA, "Olga Owner", words, mentions)))
                .isEqualTo(200);
        return CONNECTOR.posted().stream()
                .filter(c -> c.path().endsWith("/activities/" + id))
                .map(FakeBotConnector.Call::text)
                .findFirst()
                .orElseThrow();
    }

    /** New posts in the channel, not replies in a thread. */
    private static List<FakeBotConnector.Call> channelPosts() {
        return CONNECTOR.postedTo(TeamsPayloads.TEAM).stream()
                .filter(c -> c.path().endsWith("/activities"))
                .toList();
    }

    private static FakeBotConnector.Call latestCheckIn(String member) {
        List<FakeBotConnector.Call> cards = CONNECTOR.postedTo("a:chat-" + member).stream()
                .filter(c -> !scaleIds(c.card()).isEmpty())
                .toList();
        assertThat(cards).as("check-in cards for %s", member).isNotEmpty();
        return cards.get(cards.size() - 1);
    }

    private static List<String> scaleIds(JsonNode card) {
        return inputIds(card, "Input.ChoiceSet");
    }

    private static List<String> inputIds(JsonNode card, String type) {
        List<String> ids = new ArrayList<>();
        if (card != null) {
            card.path("body").forEach(e -> {
                if (e.path("type").asText().equals(type)) {
                    ids.add(e.path("id").asText());
                }
            });
        }
        return ids;
    }

    private static List<String> submitActions(JsonNode card) {
        List<String> actions = new ArrayList<>();
        card.path("body")
                .forEach(e -> e.path("actions").forEach(a -> {
                    if (a.path("type").asText().equals("Action.Submit")) {
                        actions.add(a.path("data").path(CardRenderer.ACTION_KEY).asText());
                    }
                }));
        return actions;
    }

    /**
     * The mark that an activity was seen and the work it queues commit together: when the work cannot be stored, the
     * request fails, nothing is marked, and the Bot Connector's resend of the same activity is handled once.
     */
    @Test
    void aMessageWhoseWorkCouldNotBeStoredIsHandledWhenTeamsSendsItAgain() throws Exception {
        CONNECTOR.publishKey(TestTokens.KEY_ID, TOKENS.publishedKey());
        RefusingWork.install(jdbc);
        String zed = "29:zed";
        String message = PAYLOADS.personalMessage(TeamsPayloads.nextId(), zed, "Zed Zero", "hello");
        RefusingWork.refusing = true;
        try {
            assertThat(post(message)).as("not acknowledged").isNotEqualTo(200);
        } finally {
            RefusingWork.refusing = false;
        }
        assertThat(CONNECTOR.postedTo("a:chat-" + zed)).isEmpty();
        assertThat(post(message)).as("the resend").isEqualTo(200);
        assertThat(post(message)).as("a third delivery").isEqualTo(200);
        assertThat(CONNECTOR.postedTo("a:chat-" + zed)).hasSize(1);
    }

    private int post(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + TOKENS.valid("test-app-id", CONNECTOR.url()))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        QueuedWork.awaitDone(jdbc);
        return status;
    }

    private static FakeBotConnector start() {
        try {
            return new FakeBotConnector();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
