package app.trustpulse.checkin;

import app.trustpulse.pulse.Dimension;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** What a typed reply said: scores by dimension (an empty score is "can't say"), or why it could not be read. */
public sealed interface TypedReply {

    record Scores(Map<Dimension, OptionalInt> scores) implements TypedReply {
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
