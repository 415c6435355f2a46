package app.trustpulse.checkin;

import app.trustpulse.pulse.Dimension;
import java.util.List;
import java.util.Map;

/** What a typed reply said: scores by dimension, or why it could not be read. */
public sealed interface TypedReply {

    record Scores(Map<Dimension, Integer> scores) implements TypedReply {
        public Scores {
            scores = Map.copyOf(scores);
        }
    }

    /** A message key (in the messages bundle) and its arguments, explaining what was wrong. */
    record Unreadable(String problemKey, List<String> args) implements TypedReply {
        public Unreadable {
            args = List.copyOf(args);
        }
    }
}
