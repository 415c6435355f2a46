package app.trustpulse.checkin;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.promise.PromiseQuestions;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.LeaderItems;
import app.trustpulse.pulse.Once;
import app.trustpulse.pulse.RatedLeaderRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.StatementRef;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The check-in message as a person sees it, before and after answering. */
final class CheckInMessages {

    static final int INTRO_VARIANTS = 3;
    static final int COMMENT_MAX = 1000;

    private final Texts texts;
    private final PromiseQuestions promises;
    private final RatedLeaders ratedLeaders;

    CheckInMessages(Texts texts) {
        this(texts, PromiseQuestions.none());
    }

    /** @param promises what the leaders' promises add to a member's first check-in of the week */
    CheckInMessages(Texts texts, PromiseQuestions promises) {
        this(texts, promises, RatedLeaders.none());
    }

    /** @param ratedLeaders the leader each week's statements name */
    CheckInMessages(Texts texts, PromiseQuestions promises, RatedLeaders ratedLeaders) {
        this.texts = texts;
        this.promises = promises;
        this.ratedLeaders = ratedLeaders;
    }

    /**
     * @param recorded  what this person has recorded this week for the check-in's dimensions (empty: "can't say")
     * @param commented the dimensions that carry a comment
     * @param open      false once the week is closed: no more buttons
     */
    public ChatMessage checkIn(
            Team team, CheckIn checkIn, Map<Dimension, OptionalInt> recorded, Set<Dimension> commented, boolean open) {
        return checkIn(
                team, checkIn, recorded, commented, open, () -> ratedLeaders.of(team.id(), checkIn.week()), promises);
    }

    /**
     * The check-ins of one round of the team's week, as they first go out: what is the same for everyone in the round
     * (the leader its statements name, the leaders' promises) is looked up once, not for every person.
     */
    Function<CheckIn, ChatMessage> forRound(Team team, WeekId week) {
        Once<Optional<RatedLeaderRepository.Named>> leader = Once.of(() -> ratedLeaders.of(team.id(), week));
        PromiseQuestions roundPromises = promises.forRound(team, week);
        return checkIn -> checkIn(team, checkIn, Map.of(), Set.of(), true, leader, roundPromises);
    }

    private ChatMessage checkIn(
            Team team,
            CheckIn checkIn,
            Map<Dimension, OptionalInt> recorded,
            Set<Dimension> commented,
            boolean open,
            Supplier<Optional<RatedLeaderRepository.Named>> leader,
            PromiseQuestions promises) {
        Language lang = team.language();
        List<Block> blocks = new ArrayList<>();
        String intro = checkIn.audience() == Role.LEADER
                ? texts.get(lang, "checkin.selfcheck.intro")
                : texts.get(
                        lang,
                        "checkin.intro."
                                + (Math.floorMod(checkIn.slot() + checkIn.week().ordinal(), INTRO_VARIANTS) + 1));
        blocks.add(new Block.Text(intro));
        List<Block.Choice> choices = choices(lang);
        for (StatementRef s : checkIn.statements()) {
            Optional<OptionalInt> selected = Optional.ofNullable(recorded.get(s.dimension()));
            String statement = statement(team, s, leader);
            if (open) {
                blocks.add(new Block.Scale(
                        statement,
                        Actions.answerPrefix(checkIn.id(), s.dimension()),
                        choices,
                        selected.map(CheckInMessages::choiceValue)));
                if (selected.isPresent()) {
                    String label = texts.get(
                            lang, commented.contains(s.dimension()) ? "checkin.comment.edit" : "checkin.comment.add");
                    blocks.add(new Block.Buttons(List.of(Button.withInput(
                            label,
                            Actions.comment(checkIn.id(), s.dimension()),
                            new Button.InputRequest(
                                    texts.get(lang, "checkin.comment.title"),
                                    texts.get(lang, "checkin.comment.label", statement),
                                    texts.get(lang, "checkin.comment.submit"),
                                    COMMENT_MAX)))));
                }
            } else {
                blocks.add(new Block.Text(statement + " — "
                        + selected.map(v -> answerText(lang, v)).orElse(texts.get(lang, "checkin.notAnswered"))));
            }
        }
        if (!recorded.isEmpty()) {
            blocks.add(new Block.Context(texts.get(
                    lang, open ? "checkin.recorded" : "checkin.closed.recorded", recordedLine(team, recorded))));
        }
        if (open && checkIn.audience() == Role.MEMBER && checkIn.slot() == 0) {
            blocks.addAll(openQuestion(team, checkIn));
        }
        blocks.addAll(promises.forCheckIn(team, checkIn, open));
        if (open) {
            blocks.add(new Block.Context(texts.get(
                    lang,
                    checkIn.audience() == Role.LEADER ? "checkin.selfcheck.privacy" : "checkin.privacy",
                    team.threshold())));
        }
        return new ChatMessage(intro, blocks);
    }

    /**
     * A statement as the person reads it. A statement about the leader names the leader its week is pinned to, the
     * same in every language and on every platform (the name as the team's roster has it, plain text, no mention);
     * without one (the week names no leader, or its leader asked to be forgotten) it says "my leader" as version 3 did.
     */
    private String statement(Team team, StatementRef s, Supplier<Optional<RatedLeaderRepository.Named>> named) {
        if (!LeaderItems.namesTheLeader(s)) {
            return texts.get(team.language(), s.messageKey());
        }
        Optional<RatedLeaderRepository.Named> leader = named.get();
        return leader.isPresent()
                ? texts.get(team.language(), s.messageKey(), leader.get().displayName())
                : texts.get(team.language(), LeaderItems.forTeamWithoutLeader(s).messageKey());
    }

    /**
     * Once a week, with the first check-in: an open question, rotating over the six dimensions, with a reply
     * box whose label tells the giver exactly how the answer reaches the leader.
     */
    private List<Block> openQuestion(Team team, CheckIn checkIn) {
        Language lang = team.language();
        Dimension d = Dimension.byNumber((int) Math.floorMod(checkIn.week().ordinal(), 6L) + 1);
        String question = texts.get(lang, "feedback.question." + d.name());
        return List.of(
                new Block.Text(texts.get(lang, "checkin.question", question)),
                new Block.Buttons(List.of(Button.withInput(
                        texts.get(lang, "checkin.question.reply"),
                        Actions.feedbackQuestion(team.id()),
                        new Button.InputRequest(
                                texts.get(lang, "checkin.question.title"),
                                question + " " + texts.get(lang, "feedback.rules", team.threshold()),
                                texts.get(lang, "feedback.send"),
                                COMMENT_MAX)))));
    }

    public String recordedLine(Team team, Map<Dimension, OptionalInt> recorded) {
        return recorded.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> texts.dimensionName(team.language(), e.getKey()) + " "
                        + answerText(team.language(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The five labelled points of the agreement scale, then "can't say". */
    List<Block.Choice> choices(Language lang) {
        List<Block.Choice> choices = new ArrayList<>();
        for (int score = Answer.MIN_SCORE; score <= Answer.MAX_SCORE; score++) {
            choices.add(new Block.Choice(
                    String.valueOf(score),
                    texts.get(lang, "checkin.scale.point", score, texts.get(lang, "checkin.scale." + score))));
        }
        choices.add(new Block.Choice(Actions.CANT_SAY, texts.get(lang, "checkin.scale.cantSay")));
        return choices;
    }

    /** A recorded answer as a person reads it back: the score, or "can't say". */
    String answerText(Language lang, OptionalInt answer) {
        return answer.isPresent()
                ? String.valueOf(answer.getAsInt())
                : texts.get(lang, "checkin.scale.cantSay.recorded");
    }

    private static String choiceValue(OptionalInt answer) {
        return answer.isPresent() ? String.valueOf(answer.getAsInt()) : Actions.CANT_SAY;
    }

    /** The one reminder; it names the week close that comes next after {@code now}. */
    public ChatMessage reminder(Team team, Instant now) {
        Language lang = team.language();
        ZonedDateTime closes = team.schedule().nextClose(now, team.timezone());
        String text = texts.get(
                lang, "reminder.text", TextFormats.dayAndDate(lang, closes), TextFormats.time(closes.toLocalTime()));
        return new ChatMessage(
                text, List.of(new Block.Text(text), new Block.Context(texts.get(lang, "reminder.optout"))));
    }

    /** The typed-reply help: what was wrong and the forms that work. */
    public ChatMessage unreadable(Language lang, TypedReply.Unreadable problem) {
        List<Object> args = new ArrayList<>();
        // counts as numbers, so that a text can say "one statement" or "2 statements"
        problem.args().forEach(a -> args.add(a.matches("\\d{1,9}") ? (Object) Long.valueOf(a) : a));
        if (!problem.expected().isEmpty()) {
            args.add(problem.expected().stream()
                    .map(d -> texts.dimensionName(lang, d))
                    .collect(Collectors.joining(", ")));
        }
        String what = texts.get(lang, problem.problemKey(), args.toArray());
        String forms = texts.get(lang, "reply.forms");
        return new ChatMessage(what, List.of(new Block.Text(what), new Block.Context(forms)));
    }
}
