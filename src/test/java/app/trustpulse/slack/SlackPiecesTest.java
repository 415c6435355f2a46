package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The adapter's small parts: signatures, mentions, token encryption, Block Kit limits, the manifest, what makes a
 * request impossible to work on.
 */
class SlackPiecesTest {

    @Test
    void theSignatureMatchesSlacksDocumentedExample() {
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        Clock then = Clock.fixed(Instant.ofEpochSecond(1531420618), ZoneOffset.UTC);
        RequestSignature signature = new RequestSignature("8f742231b10e8888abcd99yyyzzz85a5", then);

        assertThat(signature.valid(
                        "1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", body))
                .isTrue();
        assertThat(signature.valid(
                        "1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504", body))
                .isFalse();
        assertThat(signature.valid(
                        "1531420618",
                        "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
                        body + " "))
                .isFalse();
    }

    @Test
    void mentionsAreReducedToIdsAndSlackEscapesUndone() {
        assertThat(Mentions.normalize("setup <#C0123ABC|team-rocket> <@U0LEAD|lea>"))
                .isEqualTo("setup <#C0123ABC> <@U0LEAD>");
        assertThat(Mentions.normalize("add <@U1> <@W2|x>")).isEqualTo("add <@U1> <@W2>");
        assertThat(Mentions.normalize("feedback a &lt; b &amp;&amp; c &gt; d")).isEqualTo("feedback a < b && c > d");
        assertThat(Mentions.normalize(null)).isEmpty();
    }

    @Test
    void tokensAreEncryptedBoundToTheirWorkspace() {
        byte[] key = new byte[32];
        key[0] = 1;
        TokenCipher cipher = new TokenCipher(key);

        String a = cipher.encrypt("xoxb-secret", "T1");
        String b = cipher.encrypt("xoxb-secret", "T1");

        assertThat(a).isNotEqualTo(b).doesNotContain("xoxb");
        assertThat(cipher.decrypt(a, "T1")).isEqualTo("xoxb-secret");
        assertThatThrownBy(() -> cipher.decrypt(a, "T2")).isInstanceOf(IllegalStateException.class);
        byte[] other = new byte[32];
        assertThatThrownBy(() -> new TokenCipher(other).decrypt(a, "T1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void textIsEscapedForSlackButMentionsStayMentions() {
        assertThat(BlockKit.escape("a < b & <@U1> in <#C2> > c")).isEqualTo("a &lt; b &amp; <@U1> in <#C2> &gt; c");
    }

    @Test
    void aMessageNeverHasMoreBlocksThanSlackAllows() {
        List<Block> many = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            many.add(new Block.Text("line " + i));
        }
        JsonArray blocks = render(new ChatMessage("many", many));

        assertThat(blocks).hasSize(BlockKit.MESSAGE_BLOCKS);
        assertThat(blocks.get(BlockKit.MESSAGE_BLOCKS - 1).toString()).contains("…");
    }

    @Test
    void aScoreTableBecomesOneSectionPerDimensionWithItsTrend() {
        JsonArray blocks = render(new ChatMessage(
                "pulse",
                List.of(
                        new Block.Header("Weekly pulse"),
                        new Block.ScoreTable(List.of(
                                new Block.ScoreRow("Freedom", "3.8", "▲ 0.3", "▁▂▃▅▆▇▇█", "5 answers"),
                                new Block.ScoreRow("Trust", "—", "", "", "withheld"))))));

        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(1).toString()).contains("*Freedom*\\n`▁▂▃▅▆▇▇█`").contains("3.8   ▲ 0.3\\n5 answers");
        assertThat(blocks.get(2).toString()).contains("*Trust*").contains("—\\nwithheld");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theManifestAsksForExactlyTheScopesTheAppUsesAndPointsAtOneRequestUrl() throws Exception {
        Map<String, Object> manifest = new Yaml().load(Files.readString(Path.of("manifests/slack/manifest.yml")));
        Map<String, Object> oauth = (Map<String, Object>) manifest.get("oauth_config");
        List<String> scopes = (List<String>) ((Map<String, Object>) oauth.get("scopes")).get("bot");
        assertThat(scopes).containsExactlyInAnyOrderElementsOf(SlackConfiguration.BOT_SCOPES);

        Map<String, Object> settings = (Map<String, Object>) manifest.get("settings");
        String events = (String) ((Map<String, Object>) settings.get("event_subscriptions")).get("request_url");
        String interactivity = (String) ((Map<String, Object>) settings.get("interactivity")).get("request_url");
        Map<String, Object> features = (Map<String, Object>) manifest.get("features");
        Map<String, Object> command = ((List<Map<String, Object>>) features.get("slash_commands")).get(0);
        assertThat(events).endsWith(SlackConfiguration.EVENTS_PATH);
        assertThat(interactivity).isEqualTo(events);
        assertThat(command.get("url")).isEqualTo(events);
        assertThat(command.get("command")).isEqualTo("/pulse");
        assertThat(command.get("should_escape")).isEqualTo(true);
        assertThat((List<String>) ((Map<String, Object>) settings.get("event_subscriptions")).get("bot_events"))
                .containsExactlyInAnyOrder(
                        "app_home_opened",
                        "message.im",
                        "member_joined_channel",
                        "member_left_channel",
                        "app_uninstalled",
                        "tokens_revoked");
        assertThat(settings.get("token_rotation_enabled")).isEqualTo(true);
        assertThat((List<String>) oauth.get("redirect_urls"))
                .hasSize(2)
                .anySatisfy(u -> assertThat(u).endsWith(SlackConfiguration.APP_PATH + SlackConfiguration.REDIRECT_PATH))
                .anySatisfy(u -> assertThat(u).endsWith("/login/oauth2/code/slack"));
    }

    @Test
    void aChartBecomesAnImageBlockWithItsAltTextBesideTheTable() {
        JsonArray blocks = render(new ChatMessage(
                "pulse",
                List.of(
                        new Block.Header("Weekly pulse"),
                        new Block.Image("https://pulse.example.com/pulse-charts/abc.png", "Vision 3.6; Trust withheld"),
                        new Block.ScoreTable(List.of(new Block.ScoreRow("Vision", "3.6", "", "", "5 answers"))))));

        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(1).getAsJsonObject().get("type").getAsString()).isEqualTo("image");
        assertThat(blocks.get(1).getAsJsonObject().get("image_url").getAsString())
                .isEqualTo("https://pulse.example.com/pulse-charts/abc.png");
        assertThat(blocks.get(1).getAsJsonObject().get("alt_text").getAsString())
                .isEqualTo("Vision 3.6; Trust withheld");
        assertThat(blocks.get(2).toString()).contains("*Vision*");
    }

    private static JsonArray render(ChatMessage m) {
        return JsonParser.parseString(GsonFactory.createSnakeCase().toJson(new BlockKit(new SlackTexts()).message(m)))
                .getAsJsonArray();
    }

    @Test
    void aRequestWithIdsThatAreNoSlackIdsOrAResponseUrlThatIsNotSlacksCanNeverBeWorkedOn() {
        SlackRequestCheck check = new SlackRequestCheck(SlackTestSettings.at(null));
        String hook = "https://hooks.slack.com/commands/T0ACME/1234/abcd";

        assertThat(check.problem(command("T0ACME", "U0123ABC", "C0TEAM", hook))).isEmpty();
        assertThat(check.problem(command("T0ACME", "U0\u0000BC", "C0TEAM", hook)))
                .contains("its user id is not a Slack id");
        assertThat(check.problem(command("T0ACME", "", "C0TEAM", hook))).contains("its user id is not a Slack id");
        assertThat(check.problem(command("T0 ACME", "U0123ABC", "C0TEAM", hook)))
                .contains("its workspace id is not a Slack id");
        assertThat(check.problem(command("T0ACME", "U0123ABC", "C0\rTEAM", hook)))
                .contains("its channel id is not a Slack id");
        assertThat(check.problem(command("T0ACME", "U0123ABC", "C0TEAM", null))).contains("it has no response URL");
        assertThat(check.problem(new SlackRequest(
                        SlackRequest.Type.CLICK,
                        "T0ACME",
                        "U0123ABC",
                        null,
                        null,
                        null,
                        "x",
                        "D0MEM",
                        "17000.0\u0000",
                        false)))
                .contains("its message timestamp is not a Slack timestamp");
        assertThat(check.problem(new SlackRequest(
                        SlackRequest.Type.HOME_OPENED,
                        "T0ACME",
                        "U0123ABC",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false)))
                .as("no response URL needed")
                .isEmpty();

        assertThat(check.responseUrlAllowed("https://hooks.slack.com/actions/T0ACME/1/x"))
                .isTrue();
        assertThat(check.responseUrlAllowed("https://HOOKS.slack.com:443/commands/T0ACME/1/x"))
                .isTrue();
        for (String refused : List.of(
                "http://hooks.slack.com/commands/T0ACME/1/x",
                "https://hooks.slack.com.evil.example/x",
                "https://evil.example/hooks.slack.com/commands",
                "https://user@hooks.slack.com/commands/x",
                "https://hooks.slack.com:8443/commands/x",
                "javascript:alert(1)",
                "not a url",
                "/commands/x",
                "https://hooks.slack.com/commands/\u0000")) {
            assertThat(check.responseUrlAllowed(refused)).as(refused).isFalse();
        }
    }

    @Test
    void withAnotherSlackOrATestDoubleItsHooksHostOrTheWebApisHostIsTheOneAllowed() {
        SlackRequestCheck gov = new SlackRequestCheck(SlackTestSettings.at("https://slack-gov.com/api/"));
        assertThat(gov.responseUrlAllowed("https://hooks.slack-gov.com/commands/T0/1/x"))
                .isTrue();
        assertThat(gov.responseUrlAllowed("https://hooks.slack.com/commands/T0/1/x"))
                .isFalse();

        SlackRequestCheck local = new SlackRequestCheck(SlackTestSettings.at("http://127.0.0.1:4567/api/"));
        assertThat(local.responseUrlAllowed("http://127.0.0.1:4567/hooks/x")).isTrue();
        assertThat(local.responseUrlAllowed("http://127.0.0.1:4568/hooks/x")).isFalse();
        assertThat(local.responseUrlAllowed("http://localhost:4567/hooks/x")).isFalse();
    }

    private static SlackRequest command(String workspace, String user, String channel, String responseUrl) {
        return new SlackRequest(
                SlackRequest.Type.COMMAND, workspace, user, channel, "status", responseUrl, null, null, null, false);
    }
}
