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

/** The adapter's small parts: signatures, mentions, token encryption, Block Kit limits, the manifest. */
class SlackPiecesTest {

    @Test
    void theSignatureMatchesSlacksDocumentedExample() {
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        Clock then = Clock.fixed(Instant.ofEpochSecond(1531420618), ZoneOffset.UTC);
        RequestSignature signature = new RequestSignature("8f742231b10e8888abcd99yyyzzz85a5", then);

        assertThat(signature.valid("1531420618",
                "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", body)).isTrue();
        assertThat(signature.valid("1531420618",
                "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504", body)).isFalse();
        assertThat(signature.valid("1531420618",
                "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", body + " ")).isFalse();
    }

    @Test
    void mentionsAreReducedToIdsAndSlackEscapesUndone() {
        assertThat(Mentions.normalize("setup <#C0123ABC|team-rocket> <@U0LEAD|lea>")).isEqualTo("setup <#C0123ABC> <@U0LEAD>");
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
        JsonArray blocks = render(new ChatMessage("pulse", List.of(new Block.Header("Weekly pulse"),
                new Block.ScoreTable(List.of(new Block.ScoreRow("Freedom", "3.8", "▲ 0.3", "▁▂▃▅▆▇▇█", "5 answers"),
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
                .containsExactlyInAnyOrder("app_home_opened", "message.im", "member_joined_channel",
                        "member_left_channel", "app_uninstalled", "tokens_revoked");
        assertThat(settings.get("token_rotation_enabled")).isEqualTo(true);
        assertThat((List<String>) oauth.get("redirect_urls")).hasSize(2)
                .anySatisfy(u -> assertThat(u).endsWith(SlackConfiguration.APP_PATH + SlackConfiguration.REDIRECT_PATH))
                .anySatisfy(u -> assertThat(u).endsWith("/login/oauth2/code/slack"));
    }

    @Test
    void aChartBecomesAnImageBlockWithItsAltTextBesideTheTable() {
        JsonArray blocks = render(new ChatMessage("pulse", List.of(new Block.Header("Weekly pulse"),
                new Block.Image("https://pulse.example.com/pulse-charts/abc.png", "Vision 3.6; Trust withheld"),
                new Block.ScoreTable(List.of(new Block.ScoreRow("Vision", "3.6", "", "", "5 answers"))))));

        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(1).getAsJsonObject().get("type").getAsString()).isEqualTo("image");
        assertThat(blocks.get(1).getAsJsonObject().get("image_url").getAsString()).isEqualTo("https://pulse.example.com/pulse-charts/abc.png");
        assertThat(blocks.get(1).getAsJsonObject().get("alt_text").getAsString()).isEqualTo("Vision 3.6; Trust withheld");
        assertThat(blocks.get(2).toString()).contains("*Vision*");
    }

    private static JsonArray render(ChatMessage m) {
        return JsonParser.parseString(GsonFactory.createSnakeCase().toJson(new BlockKit(new SlackTexts()).message(m)))
                .getAsJsonArray();
    }
}
