package app.trustpulse.inbound;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.checkin.CheckIns;
import app.trustpulse.command.CommandContext;
import app.trustpulse.command.RunningCommands;
import app.trustpulse.command.Subcommand;
import app.trustpulse.feedback.FeedbackConversations;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.SentNudge;
import app.trustpulse.promise.KeepingPromises;
import app.trustpulse.promise.Noticed;
import app.trustpulse.promise.NoticingPromises;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.RosterNoticeRepository.Change;
import app.trustpulse.pulse.RosterNoticeRepository.Person;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The one door every chat platform comes in by; it routes to the use cases. */
public final class InboxService implements ChatInbox {

    private final RunningCommands commands;
    private final CheckIns checkIns;
    private final NudgeLog nudgeLog;
    private final HomeView home;
    private final TeamRepository teams;
    private final MemberRepository members;
    private final Texts texts;
    private final Clock clock;
    private final Language defaultLanguage;
    private final PulseMetrics metrics;
    private final FeedbackConversations conversations;
    private final KeepingPromises promises;
    private final NoticingPromises noticing;

    public InboxService(
            RunningCommands commands,
            CheckIns checkIns,
            NudgeLog nudgeLog,
            HomeView home,
            TeamRepository teams,
            MemberRepository members,
            Texts texts,
            Clock clock,
            Language defaultLanguage,
            PulseMetrics metrics,
            FeedbackConversations conversations,
            KeepingPromises promises,
            NoticingPromises noticing) {
        this.promises = promises;
        this.noticing = noticing;
        this.commands = commands;
        this.checkIns = checkIns;
        this.nudgeLog = nudgeLog;
        this.home = home;
        this.teams = teams;
        this.members = members;
        this.texts = texts;
        this.clock = clock;
        this.defaultLanguage = defaultLanguage;
        this.metrics = metrics;
        this.conversations = conversations;
    }

    @Override
    public ChatMessage command(CommandRequest request) {
        return commands.run(context(request), request.text());
    }

    @Override
    public ChatMessage commandAgain(CommandRequest request) {
        return commands.runAgain(context(request), request.text());
    }

    @Override
    public ChatMessage directMessage(Sender sender, String text) {
        String words = text == null ? "" : text.strip();
        String lower = words.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"/pulse", "pulse"}) {
            if (lower.equals(prefix) || lower.startsWith(prefix + " ")) {
                return commands.run(context(sender, Optional.empty()), words.substring(prefix.length()));
            }
        }
        String first = lower.split("\\s+", 2)[0];
        if (Subcommand.lookup(first).isPresent()) {
            return commands.run(context(sender, Optional.empty()), words);
        }
        return checkIns.typed(respondent(sender), words, language(sender));
    }

    @Override
    public Optional<ChatMessage> interaction(Interaction interaction) {
        Sender s = interaction.sender();
        Language lang = language(s);
        Optional<Actions.Action> parsed = Actions.parse(interaction.action());
        if (parsed.isEmpty()) {
            return Optional.of(ChatMessage.text(texts.get(lang, "action.unknown")));
        }
        return parsed.get().accept(new Clicked(interaction, lang));
    }

    /** What a click does, per kind of action. */
    private final class Clicked implements Actions.Handler<Optional<ChatMessage>> {

        private final Interaction interaction;
        private final Sender s;
        private final Language lang;

        Clicked(Interaction interaction, Language lang) {
            this.interaction = interaction;
            this.s = interaction.sender();
            this.lang = lang;
        }

        @Override
        public Optional<ChatMessage> answerScore(Actions.AnswerScore a) {
            return checkIns.score(respondent(s), a.checkInId(), a.dimension(), a.score(), interaction.message(), lang);
        }

        @Override
        public Optional<ChatMessage> addComment(Actions.AddComment a) {
            return Optional.of(checkIns.comment(
                    respondent(s),
                    a.checkInId(),
                    a.dimension(),
                    interaction.input().orElse(""),
                    interaction.message(),
                    lang));
        }

        @Override
        public Optional<ChatMessage> nudgeReaction(Actions.NudgeReaction a) {
            boolean mine = nudgeLog.react(
                    a.sentNudgeId(),
                    s.userId(),
                    a.tried() ? SentNudge.Reaction.TRIED : SentNudge.Reaction.NOT_YET,
                    clock.instant());
            if (mine) {
                metrics.nudgeReaction(s.platform(), a.tried());
            }
            return Optional.of(ChatMessage.text(texts.get(
                    lang, !mine ? "nudge.notYours" : a.tried() ? "nudge.thanks.tried" : "nudge.thanks.notYet")));
        }

        @Override
        public Optional<ChatMessage> sendFeedback(Actions.SendFeedback a) {
            return Optional.of(commands.giveFeedback(
                    s.platform(),
                    s.workspaceId(),
                    s.userId(),
                    a.teamId(),
                    Optional.of(a.once()),
                    Optional.empty(),
                    a.text(),
                    lang));
        }

        @Override
        public Optional<ChatMessage> answerFeedbackQuestion(Actions.AnswerFeedbackQuestion a) {
            String input = interaction.input().orElse("").strip();
            if (input.isEmpty()) {
                return Optional.of(ChatMessage.text(texts.get(lang, "command.feedback.empty")));
            }
            return Optional.of(commands.giveFeedback(
                    s.platform(),
                    s.workspaceId(),
                    s.userId(),
                    a.teamId(),
                    Optional.empty(),
                    interaction.requestKey(),
                    input,
                    lang));
        }

        @Override
        public Optional<ChatMessage> runCommand(Actions.RunCommand a) {
            return Optional.of(commands.run(context(s, Optional.empty()), a.words()));
        }

        @Override
        public Optional<ChatMessage> runTeamCommand(Actions.RunTeamCommand a) {
            Optional<Team> team = teams.find(a.teamId())
                    .filter(t -> t.platform() == s.platform() && t.workspaceId().equals(s.workspaceId()));
            return Optional.of(
                    team.isEmpty()
                            ? ChatMessage.text(texts.get(lang, "action.unknown"))
                            : commands.run(context(s, Optional.of(team.get().channelId())), a.words()));
        }

        @Override
        public Optional<ChatMessage> forgetMe(Actions.ForgetMe a) {
            return Optional.of(
                    a.confirmed()
                            ? commands.forget(s.platform(), s.workspaceId(), s.userId(), lang)
                            : ChatMessage.text(texts.get(lang, "forget.cancelled")));
        }

        @Override
        public Optional<ChatMessage> promiseTip(Actions.PromiseTip a) {
            return Optional.of(
                    promises.fromTip(s.platform(), s.workspaceId(), s.userId(), a.teamId(), a.sentNudgeId(), lang));
        }

        @Override
        public Optional<ChatMessage> promiseInOwnWords(Actions.PromiseInOwnWords a) {
            return Optional.of(promises.inOwnWords(
                    s.platform(),
                    s.workspaceId(),
                    s.userId(),
                    a.teamId(),
                    a.focus(),
                    interaction.input().orElse(""),
                    lang));
        }

        @Override
        public Optional<ChatMessage> endPromise(Actions.EndPromise a) {
            return Optional.of(promises.end(s.platform(), s.workspaceId(), s.userId(), a.teamId(), lang));
        }

        @Override
        public Optional<ChatMessage> answerNoticed(Actions.AnswerNoticed a) {
            Optional<NoticingPromises.Refusal> refused = noticing.answer(
                    s.platform(),
                    s.workspaceId(),
                    s.userId(),
                    a.checkInId(),
                    a.promiseId(),
                    Noticed.ofCode(a.answer()).orElseThrow());
            if (refused.isPresent()) {
                return Optional.of(
                        ChatMessage.text(texts.get(lang, refused.get().key())));
            }
            // Like a score, the answer shows as picked on the check-in itself, and nothing else is said.
            checkIns.refresh(respondent(s), a.checkInId(), interaction.message());
            return Optional.empty();
        }

        @Override
        public Optional<ChatMessage> dismiss(Actions.Dismiss a) {
            return Optional.of(ChatMessage.text(texts.get(lang, "action.dismissed")));
        }

        @Override
        public Optional<ChatMessage> listFeedback(Actions.ListFeedback a) {
            return Optional.of(conversations.list(person(), a.teamId(), lang));
        }

        @Override
        public Optional<ChatMessage> answerFeedback(Actions.AnswerFeedback a) {
            return Optional.of(conversations.answer(
                    person(), a.teamId(), a.feedbackId(), interaction.input().orElse(""), lang));
        }

        @Override
        public Optional<ChatMessage> reactToFeedback(Actions.ReactToFeedback a) {
            return Optional.of(conversations.react(person(), a.teamId(), a.feedbackId(), a.reaction(), lang));
        }

        @Override
        public Optional<ChatMessage> closeFeedbackThread(Actions.CloseFeedbackThread a) {
            return Optional.of(conversations.close(person(), a.teamId(), a.feedbackId(), lang));
        }

        @Override
        public Optional<ChatMessage> replyAsWriter(Actions.ReplyAsWriter a) {
            return Optional.of(conversations.reply(
                    person(), a.teamId(), a.feedbackId(), interaction.input().orElse(""), lang));
        }

        private FeedbackConversations.Person person() {
            return new FeedbackConversations.Person(s.platform(), s.workspaceId(), s.userId(), s.displayName());
        }
    }

    @Override
    public ChatMessage home(Sender sender) {
        return home.render(sender, commands.isAdmin(context(sender, Optional.empty())), language(sender));
    }

    @Override
    public void membersJoined(ChannelChange change, List<ChatUser> people) {
        teams.findByChannel(change.platform(), change.workspaceId(), change.channelId())
                .ifPresent(team -> {
                    Map<String, ChatUser> newcomers = new LinkedHashMap<>();
                    for (ChatUser u : people) {
                        if (members.find(team.id(), u.userId()).isEmpty()) {
                            newcomers.putIfAbsent(u.userId(), u);
                        }
                    }
                    if (newcomers.isEmpty()) {
                        return;
                    }
                    Change kind = change.by().isPresent() ? Change.ADDED : Change.JOINED;
                    commands.announce(
                            team,
                            change.by().map(InboxService::person),
                            key(change, kind),
                            kind,
                            newcomers.values().stream()
                                    .map(InboxService::person)
                                    .toList());
                    for (ChatUser u : newcomers.values()) {
                        members.save(new Member(
                                team.id(), u.userId(), u.displayName(), Role.MEMBER, u.timezone(), false, false));
                    }
                    commands.welcomeNewcomers(team);
                });
    }

    @Override
    public void membersLeft(ChannelChange change, List<String> userIds) {
        teams.findByChannel(change.platform(), change.workspaceId(), change.channelId())
                .ifPresent(team -> {
                    // Leaders need not be in the channel (setup and leader add them by name): leaving it ends no
                    // leadership.
                    List<Member> leaving = userIds.stream()
                            .distinct()
                            .flatMap(id -> members.find(team.id(), id).stream())
                            .filter(m -> !m.isLeader())
                            .toList();
                    if (leaving.isEmpty()) {
                        return;
                    }
                    Change kind = change.by().isPresent() ? Change.REMOVED : Change.LEFT;
                    commands.announce(
                            team,
                            change.by().map(InboxService::person),
                            key(change, kind),
                            kind,
                            leaving.stream()
                                    .map(m -> new Person(m.userId(), m.displayName()))
                                    .toList());
                    leaving.forEach(m -> members.remove(team.id(), m.userId()));
                });
    }

    /** The key of a channel change; one platform event may carry more than one kind of change. */
    private static String key(ChannelChange change, Change kind) {
        return change.key().map(k -> "event:" + k + ":" + kind.name()).orElseGet(RunningCommands::onceKey);
    }

    private static Person person(ChatUser u) {
        return new Person(u.userId(), u.displayName());
    }

    private CommandContext context(CommandRequest r) {
        Sender s = r.sender();
        return new CommandContext(
                s.platform(),
                s.workspaceId(),
                s.userId(),
                s.displayName(),
                s.workspaceAdmin(),
                r.channelId(),
                r.requestKey());
    }

    private CommandContext context(Sender s, Optional<String> channel) {
        return new CommandContext(
                s.platform(), s.workspaceId(), s.userId(), s.displayName(), s.workspaceAdmin(), channel);
    }

    private CheckIns.Respondent respondent(Sender s) {
        return new CheckIns.Respondent(s.platform(), s.workspaceId(), s.userId());
    }

    private Language language(Sender s) {
        return members.membershipsOf(s.platform(), s.workspaceId(), s.userId()).stream()
                .findFirst()
                .flatMap(m -> teams.find(m.teamId()))
                .map(Team::language)
                .orElse(defaultLanguage);
    }
}
