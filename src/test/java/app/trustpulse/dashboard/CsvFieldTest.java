package app.trustpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.WeekId;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFieldTest {

    @Test
    void aTeamNameThatLooksLikeAFormulaIsDefused() {
        assertThat(ExportController.csvField("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ExportController.csvField("@team")).isEqualTo("'@team");
        assertThat(ExportController.csvField("-1;2", ';')).isEqualTo("\"'-1;2\"");
    }

    @Test
    void commasAndQuotesAreQuoted() {
        assertThat(ExportController.csvField("sales, north")).isEqualTo("\"sales, north\"");
        assertThat(ExportController.csvField("#team")).isEqualTo("#team");
    }

    @Test
    void aDutchFileQuotesSemicolonsAndLeavesCommasAlone() {
        assertThat(ExportController.csvField("sales; north", ';')).isEqualTo("\"sales; north\"");
        assertThat(ExportController.csvField("sales, north", ';')).isEqualTo("sales, north");
    }

    @Test
    void theFileIsNamedAfterTheTeamAndItsWeeksInAsciiAndInUtf8() {
        assertThat(ExportController.slug("#Café Noord / Zuid", true)).isEqualTo("cafe-noord-zuid");
        assertThat(ExportController.slug("#Café Noord / Zuid", false)).isEqualTo("café-noord-zuid");
        assertThat(ExportController.slug("#研发", true)).isEmpty();
        assertThat(ExportController.weekRange(List.of())).isEmpty();
        assertThat(ExportController.weekRange(List.of(new WeekId(2026, 48)))).isEqualTo("-2026-W48");
        assertThat(ExportController.weekRange(List.of(new WeekId(2026, 48), new WeekId(2025, 50))))
                .isEqualTo("-2025-W50--2026-W48");

        Team cafe = team(7, "#Café Noord");
        assertThat(ExportController.attachment(cafe, List.of(), "csv"))
                .isEqualTo(
                        "attachment; filename=\"trust-pulse-cafe-noord.csv\"; filename*=UTF-8''trust-pulse-caf%C3%A9-noord.csv");
        Team unnamed = team(9, "#研发");
        assertThat(ExportController.attachment(unnamed, List.of(), "json"))
                .startsWith(
                        "attachment; filename=\"trust-pulse-team-9.json\"; filename*=UTF-8''trust-pulse-%E7%A0%94%E5%8F%91.json");
    }

    private static Team team(long id, String name) {
        return new Team(
                id,
                Platform.PLAYGROUND,
                "demo",
                "c" + id,
                name,
                ZoneId.of("Europe/Amsterdam"),
                Language.NL,
                3,
                TeamSchedule.defaults(),
                false);
    }
}
