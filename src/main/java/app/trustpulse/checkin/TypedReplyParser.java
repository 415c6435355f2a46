package app.trustpulse.checkin;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed answers: "freedom 4", "vrijheid 4", "V4 4", several such pairs in one message
 * ("trust 4, safety 5"), one score per statement of the open check-in in its order ("4 3" for a check-in of two
 * statements), or six scores in model order ("4 3 5 2 4 5"). A question mark in place of a score
 * ("freedom ?", "4 ? 5 2 4 5") is "can't say", the same in every language.
 */
final class TypedReplyParser {

    public static final int MAX_LENGTH = 500;
    static final String CANT_SAY = "?";
    /**
     * A score with a decimal comma or point ("vrijheid 4,5", "trust 3.5"). Not a list of whole scores such as
     * "4,3,5,2,4,5" or "trust 4,safety 5": the number stands alone.
     */
    private static final Pattern DECIMAL = Pattern.compile("(?<![\\d.,])\\d+[.,]\\d+(?![\\d.,]*\\d)");

    /** A reply read without an open check-in: bare numbers must be six, in model order. */
    public TypedReply parse(String text) {
        return parse(text, List.of());
    }

    /**
     * @param open the statements' dimensions of the person's open check-in, in the order it shows them; bare
     *             numbers as many as these are read in that order
     */
    public TypedReply parse(String text, List<Dimension> open) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return unreadable("reply.problem.empty");
        }
        if (trimmed.length() > MAX_LENGTH) {
            return unreadable("reply.problem.tooLong");
        }
        Matcher decimal = DECIMAL.matcher(trimmed);
        if (decimal.find()) {
            return unreadable("reply.problem.decimal", decimal.group());
        }
        List<String> tokens = tokens(trimmed);
        if (tokens.stream().allMatch(t -> isNumber(t) || t.equals(CANT_SAY))) {
            return inOrder(tokens, open);
        }
        return pairs(tokens);
    }

    private static TypedReply inOrder(List<String> tokens, List<Dimension> open) {
        List<Dimension> order;
        if (!open.isEmpty() && tokens.size() == open.size()) {
            order = open;
        } else if (tokens.size() == Dimension.inModelOrder().size()) {
            order = Dimension.inModelOrder();
        } else if (!open.isEmpty()) {
            return new TypedReply.Unreadable(
                    "reply.problem.count.open",
                    List.of(String.valueOf(tokens.size()), String.valueOf(open.size())),
                    open);
        } else {
            return unreadable("reply.problem.count", String.valueOf(tokens.size()));
        }
        Map<Dimension, OptionalInt> scores = new EnumMap<>(Dimension.class);
        for (int i = 0; i < order.size(); i++) {
            Optional<OptionalInt> score = score(tokens.get(i));
            if (score.isEmpty()) {
                return unreadable("reply.problem.score", tokens.get(i));
            }
            scores.put(order.get(i), score.get());
        }
        return new TypedReply.Scores(scores);
    }

    private static TypedReply pairs(List<String> tokens) {
        Map<Dimension, OptionalInt> scores = new EnumMap<>(Dimension.class);
        for (int i = 0; i < tokens.size(); i += 2) {
            String word = tokens.get(i);
            Optional<Dimension> dimension = Dimension.lookup(word);
            if (dimension.isEmpty()) {
                return unreadable(isNumber(word) ? "reply.problem.numberWithoutDimension" : "reply.problem.word", word);
            }
            if (i + 1 >= tokens.size()) {
                return unreadable("reply.problem.missingScore", word);
            }
            Optional<OptionalInt> score = score(tokens.get(i + 1));
            if (score.isEmpty()) {
                return unreadable("reply.problem.score", tokens.get(i + 1));
            }
            OptionalInt earlier = scores.put(dimension.get(), score.get());
            if (earlier != null && !earlier.equals(score.get())) {
                return unreadable("reply.problem.twice", word);
            }
        }
        return new TypedReply.Scores(scores);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        // "freedom?" reads as "freedom ?"
        for (String t : text.replace(CANT_SAY, " " + CANT_SAY + " ").split("[\\s,;:=]+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    private static boolean isNumber(String token) {
        return token.matches("-?\\d+");
    }

    /** A score 1..5 or "can't say" (an empty score); nothing when the token is neither. */
    private static Optional<OptionalInt> score(String token) {
        if (token.equals(CANT_SAY)) {
            return Optional.of(OptionalInt.empty());
        }
        if (!token.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(token);
        return Answer.isValidScore(value) ? Optional.of(OptionalInt.of(value)) : Optional.empty();
    }

    private static TypedReply unreadable(String key, String... args) {
        return new TypedReply.Unreadable(key, List.of(args));
    }
}
