package app.trustpulse.dashboard;

import app.trustpulse.insight.Cell;
import app.trustpulse.insight.PublishedWeek;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import java.util.Optional;

/** How aggregates read on the page: a score, "withheld" (never a number), or "no pulse" for an unclosed week. */
public final class Cells {

    /** A cell of a table: its text and whether it is withheld, for styling and tests. */
    public record Shown(String text, boolean withheld) {}

    private final Texts texts;

    Cells(Texts texts) {
        this.texts = texts;
    }

    Shown of(Language lang, Optional<PublishedWeek> week, Dimension d) {
        if (week.isEmpty()) {
            return new Shown(texts.get(lang, "dashboard.cell.noPulse"), false);
        }
        Cell c = week.get().cell(d);
        if (c.withheld()) {
            return new Shown(texts.get(lang, "dashboard.cell.withheld"), true);
        }
        return new Shown(TextFormats.score(lang, c.mean().getAsDouble()), false);
    }

    String answers(Language lang, PublishedWeek week, Dimension d, int threshold) {
        Cell c = week.cell(d);
        return c.withheld() ? texts.get(lang, "dashboard.answers.fewer", threshold) : String.valueOf(c.answers());
    }

    String dimension(Language lang, Dimension d) {
        return texts.dimensionName(lang, d);
    }

    String week(Language lang, WeekId w) {
        return texts.get(lang, "dashboard.week.short", w.week(), w.year());
    }
}
