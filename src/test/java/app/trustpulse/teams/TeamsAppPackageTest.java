package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.command.Subcommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The Teams app package in manifests/teams is one Teams accepts, and its commands are ones the bot runs. */
class TeamsAppPackageTest {

    private static final Path DIR = Path.of("manifests/teams");

    @Test
    void theManifestHasTheRequiredFieldsAndOnlyTheAppIdAndDeveloperAsPlaceholders() throws IOException {
        String text = Files.readString(DIR.resolve("manifest.json"));
        JsonNode manifest = new ObjectMapper().readTree(text);

        for (String field : List.of(
                "manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor")) {
            assertThat(manifest.has(field)).as(field).isTrue();
        }
        assertThat(manifest.path("$schema").asText())
                .endsWith("/v" + manifest.path("manifestVersion").asText() + "/MicrosoftTeams.schema.json");
        assertThat(manifest.path("id").asText()).isEqualTo("{{MICROSOFT_APP_ID}}");
        assertThat(manifest.path("bots").path(0).path("botId").asText()).isEqualTo("{{MICROSOFT_APP_ID}}");
        assertThat(manifest.path("webApplicationInfo").path("id").asText()).isEqualTo("{{MICROSOFT_APP_ID}}");
        assertThat(manifest.path("authorization")
                        .path("permissions")
                        .path("resourceSpecific")
                        .toString())
                .as("lets the bot ask Microsoft Graph who owns the team")
                .contains("TeamMember.Read.Group");
        assertThat(manifest.path("bots").path(0).path("scopes"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("personal", "team");
        assertThat(manifest.path("name").path("short").asText()).hasSizeLessThanOrEqualTo(30);
        assertThat(manifest.path("description").path("short").asText()).hasSizeLessThanOrEqualTo(80);
        List<String> placeholders = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\\{([A-Z_]+)}}").matcher(text);
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        assertThat(placeholders)
                .containsOnly(
                        "MICROSOFT_APP_ID",
                        "TEAMS_DEVELOPER_NAME",
                        "TEAMS_WEBSITE_URL",
                        "TEAMS_PRIVACY_URL",
                        "TEAMS_TERMS_URL");
    }

    @Test
    void everyListedCommandIsOneTheBotRuns() throws IOException {
        JsonNode lists = new ObjectMapper()
                .readTree(DIR.resolve("manifest.json").toFile())
                .path("bots")
                .path(0)
                .path("commandLists");

        assertThat(lists.size()).isBetween(1, 3);
        for (JsonNode list : lists) {
            assertThat(list.path("commands").size()).isBetween(1, 10);
            for (JsonNode command : list.path("commands")) {
                String title = command.path("title").asText();
                assertThat(title).hasSizeLessThanOrEqualTo(32);
                assertThat(command.path("description").asText()).isNotBlank().hasSizeLessThanOrEqualTo(128);
                String word = CommandText.withoutPulse(title).split(" ")[0].toLowerCase(Locale.ROOT);
                assertThat(Subcommand.lookup(word)).as(title).isPresent();
            }
        }
    }

    @Test
    void theIconsHaveTheSizesTeamsRequiresAndTheOutlineIsWhiteOnTransparent() throws IOException {
        BufferedImage color = ImageIO.read(DIR.resolve("color.png").toFile());
        BufferedImage outline = ImageIO.read(DIR.resolve("outline.png").toFile());

        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        int transparent = 0;
        int white = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha == 0) {
                    transparent++;
                } else {
                    assertThat(argb & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(0xFFFFFF);
                    white++;
                }
            }
        }
        assertThat(transparent).isGreaterThan(white).isGreaterThan(0);
        assertThat(white).isGreaterThan(0);
    }
}
