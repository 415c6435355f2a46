package app.trustpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvFieldTest {

    @Test
    void aTeamNameThatLooksLikeAFormulaIsDefused() {
        assertThat(ExportController.csvField("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ExportController.csvField("@team")).isEqualTo("'@team");
    }

    @Test
    void commasAndQuotesAreQuoted() {
        assertThat(ExportController.csvField("sales, north")).isEqualTo("\"sales, north\"");
        assertThat(ExportController.csvField("#team")).isEqualTo("#team");
    }
}
