package app.trustpulse.chat;

import java.util.List;
import java.util.Optional;

/** The parts a message is made of. */
public sealed interface Block {

    record Header(String text) implements Block {}

    record Text(String text) implements Block {}

    /** Small print under a message, such as a source or a privacy note. */
    record Context(String text) implements Block {}

    /**
     * A statement to answer on a fully labelled scale. Picking a choice sends {@code actionPrefix + choice.value()}
     * as the action. {@code selected} is the value recorded so far, if any.
     */
    record Scale(String statement, String actionPrefix, List<Choice> choices, Optional<String> selected)
            implements Block {
        public Scale {
            choices = List.copyOf(choices);
        }

        public boolean isSelected(Choice choice) {
            return selected.filter(choice.value()::equals).isPresent();
        }
    }

    /** One answer option of a scale: the value its action carries and the label a person reads, e.g. "2 · Disagree". */
    record Choice(String value, String label) {}

    record Buttons(List<Button> buttons) implements Block {
        public Buttons {
            buttons = List.copyOf(buttons);
        }
    }

    /**
     * One row per dimension: name, score (or a withheld mark), change, trend, answers. {@code headers} name the
     * four value columns where they hold something else than a pulse's (a self-check, a review); empty means the
     * pulse's own headers.
     */
    record ScoreTable(List<ScoreRow> rows, List<String> headers) implements Block {
        public ScoreTable {
            rows = List.copyOf(rows);
            headers = List.copyOf(headers);
            if (!headers.isEmpty() && headers.size() != 4) {
                throw new IllegalArgumentException("a score table names all four value columns or none");
            }
        }

        public ScoreTable(List<ScoreRow> rows) {
            this(rows, List.of());
        }
    }

    record ScoreRow(String label, String score, String change, String trend, String answers) {}

    /**
     * A picture, with alt text that says everything the picture shows: at an address ({@code https:}, relative, or an
     * inline {@code data:} URI), or a file the platform already holds for the app ({@code platformFileId}, a Slack
     * file id), in which case {@code url} is empty.
     */
    record Image(String url, String altText, Optional<String> platformFileId) implements Block {
        public Image(String url, String altText) {
            this(url, altText, Optional.empty());
        }

        /** A picture the app uploaded to the platform before, shown by its file id. */
        public static Image platformFile(String fileId, String altText) {
            return new Image("", altText, Optional.of(fileId));
        }
    }
}
