package app.trustpulse.chat;

import app.trustpulse.pulse.Dimension;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The action strings the bot puts on its buttons and scales, and how to read them back.
 * They travel through the platforms untouched, so they are short, plain and versionless.
 */
public final class Actions {

    /** The token a feedback preview carries: 16 hex digits (when it was made, and a random part). */
    private static final java.util.regex.Pattern ONCE = java.util.regex.Pattern.compile("[0-9a-f]{16}");

    private Actions() {}

    public sealed interface Action {

        <R> R accept(Handler<R> handler);
    }

    /** One method per kind of action, so a new kind does not compile until it is handled. */
    public interface Handler<R> {
        R answerScore(AnswerScore action);

        R addComment(AddComment action);

        R nudgeReaction(NudgeReaction action);

        R sendFeedback(SendFeedback action);

        R runCommand(RunCommand action);

        R runTeamCommand(RunTeamCommand action);

        R forgetMe(ForgetMe action);

        R answerFeedbackQuestion(AnswerFeedbackQuestion action);

        R dismiss(Dismiss action);

        R promiseTip(PromiseTip action);

        R promiseInOwnWords(PromiseInOwnWords action);

        R endPromise(EndPromise action);

        R answerNoticed(AnswerNoticed action);

        R listFeedback(ListFeedback action);

        R answerFeedback(AnswerFeedback action);

        R reactToFeedback(ReactToFeedback action);

        R closeFeedbackThread(CloseFeedbackThread action);

        R replyAsWriter(ReplyAsWriter action);
    }

    /** A leader asks for the released feedback of a team they can answer, thank, or mark "we're on it". */
    public record ListFeedback(long teamId) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.listFeedback(this);
        }
    }

    /** A leader's answer to a released feedback; the text comes with the click. */
    public record AnswerFeedback(long teamId, long feedbackId) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.answerFeedback(this);
        }
    }

    /** A leader's reaction without words to a released feedback. */
    public record ReactToFeedback(long teamId, long feedbackId, FeedbackReaction reaction) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.reactToFeedback(this);
        }
    }

    /** The reactions a leader can give a feedback without words. */
    public enum FeedbackReaction {
        THANKS("thanks"),
        ON_IT("onit");

        private final String word;

        FeedbackReaction(String word) {
            this.word = word;
        }

        static Optional<FeedbackReaction> of(String word) {
            for (FeedbackReaction r : values()) {
                if (r.word.equals(word)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    /** A leader closes the conversation about a feedback. */
    public record CloseFeedbackThread(long teamId, long feedbackId) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.closeFeedbackThread(this);
        }
    }

    /** The writer of a feedback answers in its conversation, anonymously; the text comes with the click. */
    public record ReplyAsWriter(long teamId, long feedbackId) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.replyAsWriter(this);
        }
    }

    /** A score picked on a check-in; an empty score is "can't say". */
    public record AnswerScore(long checkInId, Dimension dimension, OptionalInt score) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.answerScore(this);
        }
    }

    /** The value a scale's "can't say" choice carries in its action. */
    public static final String CANT_SAY = "?";

    public record AddComment(long checkInId, Dimension dimension) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.addComment(this);
        }
    }

    public record NudgeReaction(long sentNudgeId, boolean tried) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.nudgeReaction(this);
        }
    }

    /** Confirmed feedback; {@code once} is the preview's own token, so that its button stores the feedback once. */
    public record SendFeedback(long teamId, String once, String text) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.sendFeedback(this);
        }
    }

    /** Runs command words for the person who clicked, e.g. "optout" from the home view. */
    public record RunCommand(String words) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.runCommand(this);
        }
    }

    /** Runs command words for the person who clicked as if typed in one team's channel, e.g. "optout" of that team. */
    public record RunTeamCommand(long teamId, String words) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.runTeamCommand(this);
        }
    }

    public record ForgetMe(boolean confirmed) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.forgetMe(this);
        }
    }

    public record AnswerFeedbackQuestion(long teamId) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.answerFeedbackQuestion(this);
        }
    }

    /** "Cancel" on a confirmation: nothing happens. */
    public record Dismiss() implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.dismiss(this);
        }
    }

    /** A leader makes one of the digest's tips their promise to the team, as it stands. */
    public record PromiseTip(long teamId, long sentNudgeId) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.promiseTip(this);
        }
    }

    /**
     * A leader makes or rewords their promise in their own words (the button's input); the focus is the given dimension
     * unless the words start with another, and empty keeps the current promise's focus.
     */
    public record PromiseInOwnWords(long teamId, Optional<Dimension> focus) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.promiseInOwnWords(this);
        }
    }

    public record EndPromise(long teamId) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.endPromise(this);
        }
    }

    /** A member's answer to "did you notice the leader doing this?" on their check-in: one of {@link #NOTICED}. */
    public record AnswerNoticed(long checkInId, long promiseId, String answer) implements Action {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.answerNoticed(this);
        }
    }

    /** The values the choices of a "did you notice?" question carry: yes, partly, no, can't say. */
    public static final List<String> NOTICED = List.of("yes", "partly", "no", CANT_SAY);

    /** Whether a value is one a scale's choice may carry: a score, "can't say", or an answer about a promise. */
    public static boolean isScaleValue(String value) {
        return value.matches("[1-5]") || NOTICED.contains(value);
    }

    public static String promiseTip(long teamId, long sentNudgeId) {
        return "promise:" + teamId + ":tip:" + sentNudgeId;
    }

    public static String promiseInOwnWords(long teamId, Optional<Dimension> focus) {
        return "promise:" + teamId + ":own" + focus.map(d -> ":" + d.name()).orElse("");
    }

    public static String endPromise(long teamId) {
        return "promise:" + teamId + ":end";
    }

    public static String noticedPrefix(long checkInId, long promiseId) {
        return "noticed:" + checkInId + ":" + promiseId + ":";
    }

    public static String dismiss() {
        return "dismiss";
    }

    public static String answerPrefix(long checkInId, Dimension d) {
        return "answer:" + checkInId + ":" + d.name() + ":";
    }

    public static String comment(long checkInId, Dimension d) {
        return "comment:" + checkInId + ":" + d.name();
    }

    public static String nudge(long sentNudgeId, boolean tried) {
        return "nudge:" + sentNudgeId + ":" + (tried ? "tried" : "notyet");
    }

    public static String sendFeedback(long teamId, String once, String text) {
        return "feedback:" + teamId + ":" + once + ":" + text;
    }

    public static String feedbackQuestion(long teamId) {
        return "feedbackq:" + teamId;
    }

    public static String listFeedback(long teamId) {
        return "fblist:" + teamId;
    }

    public static String answerFeedback(long teamId, long feedbackId) {
        return "fbanswer:" + teamId + ":" + feedbackId;
    }

    public static String reactToFeedback(long teamId, long feedbackId, FeedbackReaction reaction) {
        return "fbreact:" + teamId + ":" + feedbackId + ":" + reaction.word;
    }

    public static String closeFeedbackThread(long teamId, long feedbackId) {
        return "fbclose:" + teamId + ":" + feedbackId;
    }

    public static String replyAsWriter(long teamId, long feedbackId) {
        return "fbwriter:" + teamId + ":" + feedbackId;
    }

    public static String command(String words) {
        return "cmd:" + words;
    }

    /** The words must not contain a colon. */
    public static String teamCommand(long teamId, String words) {
        return "teamcmd:" + teamId + ":" + words;
    }

    public static String forgetMe(boolean confirmed) {
        return confirmed ? "forget:confirm" : "forget:cancel";
    }

    public static Optional<Action> parse(String action) {
        if (action == null) {
            return Optional.empty();
        }
        String[] p = action.split(":", -1);
        try {
            switch (p[0]) {
                case "answer":
                    if (p.length == 4) {
                        OptionalInt score =
                                p[3].equals(CANT_SAY) ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(p[3]));
                        return Optional.of(new AnswerScore(Long.parseLong(p[1]), Dimension.valueOf(p[2]), score));
                    }
                    break;
                case "comment":
                    if (p.length == 3) {
                        return Optional.of(new AddComment(Long.parseLong(p[1]), Dimension.valueOf(p[2])));
                    }
                    break;
                case "nudge":
                    if (p.length == 3 && (p[2].equals("tried") || p[2].equals("notyet"))) {
                        return Optional.of(new NudgeReaction(Long.parseLong(p[1]), p[2].equals("tried")));
                    }
                    break;
                case "feedback":
                    if (p.length >= 4 && ONCE.matcher(p[2]).matches()) {
                        String text = action.substring(p[0].length() + p[1].length() + p[2].length() + 3);
                        return Optional.of(new SendFeedback(Long.parseLong(p[1]), p[2], text));
                    }
                    break;
                case "feedbackq":
                    if (p.length == 2) {
                        return Optional.of(new AnswerFeedbackQuestion(Long.parseLong(p[1])));
                    }
                    break;
                case "fblist":
                    if (p.length == 2) {
                        return Optional.of(new ListFeedback(Long.parseLong(p[1])));
                    }
                    break;
                case "fbanswer":
                    if (p.length == 3) {
                        return Optional.of(new AnswerFeedback(Long.parseLong(p[1]), Long.parseLong(p[2])));
                    }
                    break;
                case "fbreact":
                    if (p.length == 4) {
                        return FeedbackReaction.of(p[3])
                                .map(r -> new ReactToFeedback(Long.parseLong(p[1]), Long.parseLong(p[2]), r));
                    }
                    break;
                case "fbclose":
                    if (p.length == 3) {
                        return Optional.of(new CloseFeedbackThread(Long.parseLong(p[1]), Long.parseLong(p[2])));
                    }
                    break;
                case "fbwriter":
                    if (p.length == 3) {
                        return Optional.of(new ReplyAsWriter(Long.parseLong(p[1]), Long.parseLong(p[2])));
                    }
                    break;
                case "cmd":
                    return Optional.of(new RunCommand(action.substring(4)));
                case "teamcmd":
                    if (p.length == 3) {
                        return Optional.of(new RunTeamCommand(Long.parseLong(p[1]), p[2]));
                    }
                    break;
                case "promise":
                    return promise(p);
                case "noticed":
                    if (p.length == 4 && NOTICED.contains(p[3])) {
                        return Optional.of(new AnswerNoticed(Long.parseLong(p[1]), Long.parseLong(p[2]), p[3]));
                    }
                    break;
                case "dismiss":
                    return p.length == 1 ? Optional.of(new Dismiss()) : Optional.empty();
                case "forget":
                    if (p.length == 2 && (p[1].equals("confirm") || p[1].equals("cancel"))) {
                        return Optional.of(new ForgetMe(p[1].equals("confirm")));
                    }
                    break;
                default:
                    break;
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Action> promise(String[] p) {
        if (p.length < 3) {
            return Optional.empty();
        }
        long teamId = Long.parseLong(p[1]);
        return switch (p[2]) {
            case "tip" -> p.length == 4 ? Optional.of(new PromiseTip(teamId, Long.parseLong(p[3]))) : Optional.empty();
            case "own" ->
                p.length == 3
                        ? Optional.of(new PromiseInOwnWords(teamId, Optional.empty()))
                        : p.length == 4
                                ? Optional.of(new PromiseInOwnWords(teamId, Optional.of(Dimension.valueOf(p[3]))))
                                : Optional.empty();
            case "end" -> p.length == 3 ? Optional.of(new EndPromise(teamId)) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
