package app.trustpulse.checkin;

import app.trustpulse.pulse.Dimension;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** What a typed reply said: scores by dimension (an empty score is "can't say"), or why it could not be read. */
sealed interface TypedReply {

    record Scores(Map<Dimension, OptionalInt> scores) implements TypedReply {
        public Scores {
            scores = Map.copyOf(scores);
        }
    }

    /**
     * A message key (in the messages bundle) and its arguments, explaining what was wrong; {@code expected} names the
     * statements of the open check-in when the problem is about them, rendered after the arguments.
     */
    record Unreadable(String problemKey, List<String> args, List<Dimension> expected) implements TypedReply {
        public Unreadable {
            args = List.copyOf(args);
            expected = List.copyOf(expected);
        }

        public Unreadable(String problemKey, List<String> args) {
            this(problemKey, args, List.of());
        }
    }
}
