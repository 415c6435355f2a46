package app.trustpulse.playground;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.WeekId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A whole week in the playground, driven over HTTP as the page drives it: the demo team, check-ins sent now,
 * everyone answering, the week closed, and what the channel and the leader then see.
 */
final class PlaygroundWeek {

    private static final Pattern SCORE = Pattern.compile("\\d[.,]\\d");

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final Texts texts = new Texts();
    private final String base;

    PlaygroundWeek(int port) {
        this.base = "http://127.0.0.1:" + port + "/playground/api";
    }

    void runsFromSetupToTheLeadersDigest() throws Exception {
        JsonNode state = post("/demo", object().put("language", "en"));
        assertThat(state.get("people").values())
                .extracting(p -> p.get("userId").asString())
                .containsExactly("ada", "lee", "mia", "noah", "sara", "tom");
        assertThat(lastInChannelFor(state, "ada").toString()).doesNotContain("Exception");
        // The channel is told who set the pulse up and for how many, people named the playground's way.
        assertThat(firstPublicBotPost().get("content").get("summary").asString())
                .startsWith("@Ada (admin) set up the pulse for 6 people in this channel, one of them as leader.");

        // Three rounds of "send-now" ask every member every statement of the week; all answer with the buttons.
        int clicks = 0;
        for (int round = 0; round < 3; round++) {
            state = adminSays("/pulse send-now");
            for (JsonNode person : state.get("people").values()) {
                clicks += answerOpenScales(person.get("userId").asString(), round);
            }
        }
        assertThat(clicks).as("scale clicks").isGreaterThanOrEqualTo(6 * 6);

        // One typed reply in the direct message, as a member who prefers typing would answer.
        state = post("/say", object().put("as", "tom").put("where", "dm").put("text", "4 3 5 2 4 5"));
        JsonNode tomReply = last(conversation(state, "dm:tom").get("messages").values());
        assertThat(tomReply.get("author").asString()).isEqualTo("bot");
        assertThat(allText(tomReply)).doesNotContain(texts.get(Language.EN, "answer.notInTeam"));

        // Answered check-ins were updated in place: every scale in the DMs now shows what was recorded.
        for (JsonNode conversation : state.get("conversations").values()) {
            for (JsonNode message : conversation.get("messages").values()) {
                for (JsonNode block : message.get("content").get("blocks").values()) {
                    if ("Scale".equals(block.get("type").asString())) {
                        assertThat(block.get("selected").isNull())
                                .as("scale in %s", conversation.get("id"))
                                .isFalse();
                    }
                }
            }
        }

        JsonNode closed = adminSays("/pulse close-week");

        JsonNode pulse = lastBotPostInChannel(closed);
        List<JsonNode> rows = new ArrayList<>();
        pulse.get("content").get("blocks").values().stream()
                .filter(b -> "ScoreTable".equals(b.get("type").asString()))
                .forEach(b -> rows.addAll(b.get("rows").values()));
        // Every member answered every statement; felt trust is asked every week, so no dimension is withheld.
        assertThat(rows)
                .as("pulse rows")
                .hasSize(6)
                .allSatisfy(r -> assertThat(r.get("score").asString()).containsPattern(SCORE));
        assertThat(pulse.get("ephemeralFor").isNull()).isTrue();

        JsonNode digest = conversation(closed, "dm:lee").get("messages").values().stream()
                .filter(m -> allText(m).contains(texts.get(Language.EN, "digest.nudges.title")))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no digest with nudges in the leader's DM: " + closed));
        assertThat(digest.get("author").asString()).isEqualTo("bot");
        assertThat(digest.get("content").get("blocks").get(0).get("type").asString())
                .isEqualTo("Header");
        assertThat(digest.get("content").get("blocks").values())
                .anyMatch(b -> "Buttons".equals(b.get("type").asString()));
    }

    /**
     * After a closed week: simulating past weeks is refused (their pulses would follow the real one), "Next week" moves
     * the playground on, and the whole-week buttons give a pulse with a number in every dimension and a self-check.
     */
    void playsTheNextWeekWithTheWholeWeekButtons() throws Exception {
        JsonNode before = get("/state");
        String closedWeek = before.get("week").get("id").asString();
        HttpResponse<String> simulate = postRaw("/simulate", object().put("weeks", 6));
        assertThat(simulate.statusCode()).as(simulate.body()).isEqualTo(409);
        HttpResponse<String> answerClosed = postRaw("/week/answer", object());
        assertThat(answerClosed.statusCode()).as(answerClosed.body()).isEqualTo(409);

        JsonNode next = post("/week/next", object());
        assertThat(next.get("week").get("weeksAhead").asInt())
                .isEqualTo(before.get("week").get("weeksAhead").asInt() + 1);
        assertThat(next.get("week").get("id").asString()).isNotEqualTo(closedWeek);

        JsonNode sent = post("/week/send", object());
        int open = 0;
        for (JsonNode person : sent.get("people").values()) {
            open += openScales(sent, person.get("userId").asString());
        }
        assertThat(open).as("open statements after the whole week was sent").isEqualTo(6 * 6);
        JsonNode answered = post("/week/answer", object());
        for (JsonNode person : answered.get("people").values()) {
            assertThat(openScales(answered, person.get("userId").asString()))
                    .as("open for %s", person.get("userId"))
                    .isZero();
        }

        JsonNode closed = adminSays("/pulse close-week");
        JsonNode pulse = lastBotPostInChannel(closed);
        assertThat(allText(pulse))
                .contains(next.get("week").get("number").asString())
                .as("nothing of the pulse is withheld")
                .doesNotContain("Scores withheld")
                .doesNotContain("withheld");
        List<JsonNode> rows = new ArrayList<>();
        pulse.get("content").get("blocks").values().stream()
                .filter(b -> "ScoreTable".equals(b.get("type").asString()))
                .forEach(b -> rows.addAll(b.get("rows").values()));
        assertThat(rows)
                .hasSize(6)
                .allSatisfy(r -> assertThat(r.get("score").asString()).containsPattern(SCORE));
        JsonNode digest = last(conversation(closed, "dm:lee").get("messages").values().stream()
                .filter(m -> allText(m).contains(texts.get(Language.EN, "digest.nudges.title")))
                .toList());
        assertThat(allText(digest)).contains(texts.get(Language.EN, "digest.selfcheck.title"));
    }

    /**
     * Played on to the end of a whole four-week block: felt trust has a number every week, and the pulse of the
     * block's last week shows trust in the rated leader from each of the five members exactly once.
     */
    void playsAWholeBlockAndShowsTrustInTheLeaderFromEveryMemberOnce() throws Exception {
        Pattern pooled = Pattern.compile("Trust in [^*]+\\*, weeks \\d+–\\d+: \\d\\.\\d \\((\\d+) answers\\)");
        boolean blockStartPlayed = false;
        for (int played = 0; played < 2 * TrustInLeaderPool.WEEKS; played++) {
            JsonNode next = post("/week/next", object());
            WeekId week = WeekId.parse(next.get("week").get("id").asString());
            post("/week/send", object());
            post("/week/answer", object());
            JsonNode pulse = lastBotPostInChannel(adminSays("/pulse close-week"));
            List<JsonNode> rows = new ArrayList<>();
            pulse.get("content").get("blocks").values().stream()
                    .filter(b -> "ScoreTable".equals(b.get("type").asString()))
                    .forEach(b -> rows.addAll(b.get("rows").values()));
            assertThat(rows)
                    .as("week %s", week)
                    .hasSize(6)
                    .allSatisfy(r -> assertThat(r.get("score").asString()).containsPattern(SCORE));
            blockStartPlayed |= TrustInLeaderPool.weekInBlock(week) == 0;
            if (blockStartPlayed && TrustInLeaderPool.weekInBlock(week) == TrustInLeaderPool.WEEKS - 1) {
                java.util.regex.Matcher m = pooled.matcher(allText(pulse));
                assertThat(m.find())
                        .as("a trust-in-the-leader pool in %s", allText(pulse))
                        .isTrue();
                assertThat(m.group(1)).as("each of the five members once").isEqualTo("5");
                return;
            }
        }
        throw new AssertionError("no whole block was played");
    }

    private static int openScales(JsonNode state, String userId) {
        int open = 0;
        for (JsonNode message :
                conversation(state, "dm:" + userId).get("messages").values()) {
            for (JsonNode block : message.get("content").get("blocks").values()) {
                if ("Scale".equals(block.get("type").asString())
                        && block.get("selected").isNull()) {
                    open++;
                }
            }
        }
        return open;
    }

    /** The leader clicks "I tried it" under the first nudge of their latest digest. */
    void leaderTriesTheFirstNudge() throws Exception {
        JsonNode state = get("/state");
        for (JsonNode message : conversation(state, "dm:lee").get("messages").values()) {
            for (JsonNode block : message.get("content").get("blocks").values()) {
                if (!"Buttons".equals(block.get("type").asString())) {
                    continue;
                }
                for (JsonNode button : block.get("buttons").values()) {
                    String action = button.get("action").asString();
                    if (action.startsWith("nudge:") && action.endsWith(":tried")) {
                        post(
                                "/action",
                                object().put("as", "lee")
                                        .put("messageId", message.get("id").longValue())
                                        .put("action", action));
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no nudge to react to in the leader's DM");
    }

    /** Clicks a middle-of-the-road score on every scale still open in the person's DM. */
    private int answerOpenScales(String userId, int round) throws Exception {
        int clicks = 0;
        JsonNode state = get("/state");
        for (JsonNode message :
                conversation(state, "dm:" + userId).get("messages").values()) {
            for (JsonNode block : message.get("content").get("blocks").values()) {
                if ("Scale".equals(block.get("type").asString())
                        && block.get("selected").isNull()) {
                    int score = 2 + (userId.length() + round + clicks) % 3;
                    post(
                            "/action",
                            object().put("as", userId)
                                    .put("messageId", message.get("id").longValue())
                                    .put("action", block.get("actionPrefix").asString() + score));
                    clicks++;
                }
            }
        }
        return clicks;
    }

    private JsonNode adminSays(String command) throws Exception {
        JsonNode state =
                post("/say", object().put("as", "ada").put("where", "channel").put("text", command));
        JsonNode reply = lastInChannelFor(state, "ada");
        assertThat(reply.get("author").asString()).isEqualTo("bot");
        return state;
    }

    private static JsonNode lastInChannelFor(JsonNode state, String userId) {
        return last(conversation(state, "channel:team").get("messages").values().stream()
                .filter(m -> userId.equals(m.get("ephemeralFor").asString(null)))
                .toList());
    }

    /**
     * The bot's first post in the channel for everyone; channel posts go out from the durable queue, so it is
     * awaited.
     */
    private JsonNode firstPublicBotPost() throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            List<JsonNode> posts = conversation(get("/state"), "channel:team").get("messages").values().stream()
                    .filter(m -> "bot".equals(m.get("author").asString())
                            && m.get("ephemeralFor").isNull())
                    .toList();
            if (!posts.isEmpty()) {
                return posts.get(0);
            }
            assertThat(System.nanoTime()).as("a bot post in the channel").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static JsonNode lastBotPostInChannel(JsonNode state) {
        return last(conversation(state, "channel:team").get("messages").values().stream()
                .filter(m -> "bot".equals(m.get("author").asString())
                        && m.get("ephemeralFor").isNull())
                .toList());
    }

    private static JsonNode conversation(JsonNode state, String id) {
        return state.get("conversations").values().stream()
                .filter(c -> id.equals(c.get("id").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no conversation " + id));
    }

    private static JsonNode last(java.util.Collection<JsonNode> messages) {
        assertThat(messages).isNotEmpty();
        return new ArrayList<>(messages).get(messages.size() - 1);
    }

    private static String allText(JsonNode message) {
        StringBuilder out = new StringBuilder();
        StreamSupport.stream(message.get("content").get("blocks").spliterator(), false)
                .filter(Predicate.not(JsonNode::isNull))
                .forEach(b -> out.append(b).append('\n'));
        return out.toString();
    }

    private ObjectNode object() {
        return mapper.createObjectNode();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    private JsonNode post(String path, ObjectNode body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                .build());
    }

    private HttpResponse<String> postRaw(String path, ObjectNode body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", request.method(), request.uri(), response.body())
                .isEqualTo(200);
        return mapper.readTree(response.body());
    }
}
