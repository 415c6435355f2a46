package app.trustpulse.dashboard;

import java.util.List;

/** The plain pieces the page templates show: rows of text cells, already formatted and already filtered. */
public final class PageParts {

    private PageParts() {}

    /** A row of a table: a label and its cells. */
    public record Row(String label, List<Cells.Shown> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** A line with a label and a value, e.g. a week and its participation. */
    public record Line(String label, String value) {}

    /** A nudge the leader got: when, what, and how they reacted. */
    public record NudgeLine(String week, String text, String reaction) {}

    /**
     * A released feedback: the week of its release, its text (names removed), where its conversation stands, and the
     * lines of its thread (leaders by name, the writer as "the writer").
     */
    public record FeedbackLine(String week, String text, String conversation, List<String> replies) {
        public FeedbackLine {
            replies = List.copyOf(replies);
        }
    }

    /** The comments a week released, names removed. */
    public record Comments(String week, List<String> comments) {
        public Comments {
            comments = List.copyOf(comments);
        }
    }

    /** A range choice for the trend, e.g. 12 weeks, and whether it is the one shown. */
    public record Range(int weeks, boolean selected) {}

    /** A team in the list: where it links, its name, the viewer's role in it. */
    public record TeamLink(long id, String name, String role, boolean admin) {}
}
