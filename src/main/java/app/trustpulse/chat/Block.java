package app.trustpulse.chat;

import java.util.List;
import java.util.Optional;

/** The parts a message is made of. */
public sealed interface Block {

    record Header(String text) implements Block {
    }

    record Text(String text) implements Block {
    }

    /** Small print under a message, such as a source or a privacy note. */
    record Context(String text) implements Block {
    }

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
    record Choice(String value, String label) {
    }

    record Buttons(List<Button> buttons) implements Block {
        public Buttons {
            buttons = List.copyOf(buttons);
        }
    }

    /** One row per dimension in a pulse: name, score (or a withheld mark), change, trend. */
    record ScoreTable(List<ScoreRow> rows) implements Block {
        public ScoreTable {
            rows = List.copyOf(rows);
        }
    }

    record ScoreRow(String label, String score, String change, String trend, String answers) {
    }
}
