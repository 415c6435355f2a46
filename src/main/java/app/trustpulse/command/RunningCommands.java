package app.trustpulse.command;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.checkin.CheckIns;
import app.trustpulse.doctor.Doctor;
import app.trustpulse.promise.KeepingPromises;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.RosterNoticeRepository;
import app.trustpulse.pulse.RosterNoticeRepository.Person;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.summary.ClosingWeeks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command module's facade. Runs a command: reads it, finds the team it is about, checks that the person may run
 * it, and hands it to the use case; a refusal or a bad argument changes nothing and says why. Beside the typed
 * commands, it takes what members decide for themselves with a button (feedback, "forget me") and the changes to who is
 * in a team the platforms report (welcomes, roster notices), and the scheduler resumes their durable work here.
 */
public final class RunningCommands {

    /** Work kind of a team's round of welcomes. */
    public static final String WELCOME_ROUND_KIND = "welcome-round";

    /** Work kind of posting one roster notice; its key is "teamId:noticeKey". */
    public static final String ROSTER_NOTICE_KIND = "roster-notice";

    /** What a round of welcomes did; {@code waiting} welcomes are still to go (failed, or held by another sender). */
    public record WelcomeRound(int sent, int waiting) {}

    private final CommandParser parser;
    private final TeamRepository teams;
    private final MemberRepository members;
    private final AdminList admins;
    private final TeamAdministration administration;
    private final TeamStatus status;
    private final MemberChoices choices;
    private final Welcoming welcoming;
    private final RosterNotices notices;
    private final CheckIns sending;
    private final ClosingWeeks closing;
    private final FailedWork failedWork;
    private final Doctor doctor;
    private final Reply reply;
    private final Texts texts;
    private final Language defaultLanguage;
    private final KeepingPromises promises;

    RunningCommands(
            TeamRepository teams,
            MemberRepository members,
            AdminList admins,
            TeamAdministration administration,
            TeamStatus status,
            MemberChoices choices,
            Welcoming welcoming,
            RosterNotices notices,
            CheckIns sending,
            ClosingWeeks closing,
            FailedWork failedWork,
            Doctor doctor,
            Reply reply,
            Texts texts,
            Language defaultLanguage,
            KeepingPromises promises) {
        this.promises = promises;
        this.parser = new CommandParser();
        this.teams = teams;
        this.members = members;
        this.admins = admins;
        this.administration = administration;
        this.status = status;
        this.choices = choices;
        this.welcoming = welcoming;
        this.notices = notices;
        this.sending = sending;
        this.closing = closing;
        this.failedWork = failedWork;
        this.doctor = doctor;
        this.reply = reply;
        this.texts = texts;
        this.defaultLanguage = defaultLanguage;
    }

    public boolean isAdmin(CommandContext ctx) {
        return ctx.workspaceAdmin() || admins.contains(ctx.platform(), ctx.userId());
    }

    /**
     * Runs a command again whose first run was cut short by a crash. Every command repeats safely but send-now, which
     * would send a second round: one that had planned its round finishes it instead. One that died before it got
     * that far (e.g. while the sender was looked up) had sent nothing, and simply runs.
     */
    public ChatMessage runAgain(CommandContext ctx, String text) {
        Optional<Command> cmd = parser.parse(text).command();
        Optional<Team> team = teamInContext(ctx);
        if (cmd.isPresent() && cmd.get() instanceof Command.SendNow && team.isPresent() && isAdmin(ctx)) {
            Team t = team.get();
            if (ctx.requestKey().isEmpty()) {
                sending.resumeSendNow(t.id(), closing.currentWeek(t.id()));
                return reply.text(t.language(), "sendNow.resumed");
            }
            if (sending.isPlanned(ctx.requestKey().get())) {
                CheckIns.Round round = sending.sendNow(t.id(), ctx.requestKey().get());
                return round.skippedBecause()
                                .filter(CheckIns.WEEK_CLOSED::equals)
                                .isPresent()
                        ? reply.text(t.language(), "sendNow.weekClosed")
                        : reply.text(t.language(), "sendNow.resumed");
            }
        }
        return run(ctx, text);
    }

    public ChatMessage run(CommandContext ctx, String text) {
        Optional<Team> team = teamInContext(ctx);
        List<Member> memberships = memberships(ctx, team);
        Language lang = team.map(Team::language).orElseGet(() -> languageOf(memberships));
        Optional<Member> self = team.flatMap(t -> members.find(t.id(), ctx.userId()));
        // Someone who may not run a command learns that first, not what was wrong with its arguments.
        Optional<Subcommand> named = parser.subcommandOf(text);
        if (named.isPresent() && refusedBeforeReading(ctx, named.get(), team, self)) {
            return refuse(lang, named.get());
        }
        CommandParser.Result parsed = parser.parse(text);
        if (parsed.error().isPresent()) {
            return reply.error(lang, parsed.error().get());
        }
        Command cmd = parsed.command().orElseThrow();
        Subcommand sub = cmd.subcommand();
        if (sub.needsTeam()) {
            if (team.isEmpty()) {
                return reply.text(lang, ctx.channelId().isPresent() ? "team.noneInChannel" : "team.unknownInDm");
            }
            if (!allowed(ctx, sub, self)) {
                return refuse(lang, sub);
            }
        } else if (sub.who() == Subcommand.Who.ADMIN && !isAdmin(ctx)) {
            return refuse(lang, sub);
        }
        return cmd.accept(new Handlers(ctx, lang, team, self, memberships));
    }

    /**
     * Stores feedback a member confirmed with a button: with the preview's token ({@code preview}) the first time only,
     * and a form sent in ({@code request}, the platform's id of it) once however often it is handled.
     */
    public ChatMessage giveFeedback(
            Platform platform,
            String workspaceId,
            String userId,
            long teamId,
            Optional<String> preview,
            Optional<String> request,
            String text,
            Language fallback) {
        return choices.giveFeedback(platform, workspaceId, userId, teamId, preview, request, text, fallback);
    }

    /** "Forget me", confirmed: erases everything stored about the person in every team of the workspace. */
    public ChatMessage forget(Platform platform, String workspaceId, String userId, Language fallback) {
        return choices.forget(platform, workspaceId, userId, fallback);
    }

    /**
     * A change to who is in the team, about to be made, announced in its channel: by whom (empty when the platform
     * does not say) and under the key of the event that makes it, the same when it is handled again (else
     * {@link #onceKey()}), so nothing is announced twice.
     */
    public void announce(
            Team team, Optional<Person> by, String key, RosterNoticeRepository.Change change, List<Person> people) {
        notices.announce(team, new RosterNotices.Cause(by, key), change, people);
    }

    /** A key for a change that comes with no request or event id: it is handled only once. */
    public static String onceKey() {
        return RosterNotices.onceKey();
    }

    /** Posts the roster notice a work key names; true when it is posted (now or before), false to try again later. */
    public boolean postRosterNotice(String workKey) {
        return notices.post(workKey);
    }

    /** On start: queues every roster notice left unposted. */
    public void resumeRosterNotices() {
        notices.resumeAll();
    }

    /** Queues the welcomes of everyone in the team whose new membership is stored and who has not had one. */
    public void welcomeNewcomers(Team team) {
        welcoming.welcomeNewcomers(team);
    }

    /** Sends every welcome the team's newcomers are waiting for; safe to run again, and beside another round. */
    public WelcomeRound sendWelcomes(long teamId) {
        return welcoming.sendWelcomes(teamId);
    }

    /** On start: queues a round for every team with welcomes left over. */
    public void resumeWelcomes() {
        welcoming.resumeAll();
    }

    /** One handler per command; commands that need a team get here only with one, and only when allowed. */
    private final class Handlers implements Command.Handler<ChatMessage> {

        private final CommandContext ctx;
        private final Language lang;
        private final Optional<Team> team;
        private final Optional<Member> self;
        private final List<Member> memberships;

        Handlers(
                CommandContext ctx,
                Language lang,
                Optional<Team> team,
                Optional<Member> self,
                List<Member> memberships) {
            this.ctx = ctx;
            this.lang = lang;
            this.team = team;
            this.self = self;
            this.memberships = memberships;
        }

        private Team team() {
            return team.orElseThrow();
        }

        /**
         * The person running the command, as a roster notice names them, and the request's key: a request run again
         * after a crash finds the notice its first run stored, and nothing is announced twice.
         */
        private RosterNotices.Cause cause() {
            return RosterNotices.Cause.by(
                    new RosterNoticeRepository.Person(ctx.userId(), ctx.displayName()),
                    ctx.requestKey().map(k -> "request:" + k).orElseGet(RosterNotices::onceKey));
        }

        @Override
        public ChatMessage help(Command.Help c) {
            return RunningCommands.this.help(ctx, lang, self);
        }

        @Override
        public ChatMessage setup(Command.Setup c) {
            return administration.setup(ctx, c, lang, cause());
        }

        @Override
        public ChatMessage optOut(Command.OptOut c) {
            return choices.optOut(memberships, lang, true);
        }

        @Override
        public ChatMessage optIn(Command.OptIn c) {
            return choices.optOut(memberships, lang, false);
        }

        @Override
        public ChatMessage myData(Command.MyData c) {
            return choices.myData(ctx, lang);
        }

        @Override
        public ChatMessage forgetMe(Command.ForgetMe c) {
            // Confirming erases the person's data in every team of the workspace, so the question names them all.
            return choices.confirmForget(ctx, lang);
        }

        @Override
        public ChatMessage setNudges(Command.SetNudges c) {
            return choices.nudges(memberships.stream().filter(Member::isLeader).toList(), lang, c.on());
        }

        @Override
        public ChatMessage promise(Command.SetPromise c) {
            String leader = self.orElseThrow().userId();
            return switch (c.action()) {
                case SHOW -> promises.show(team(), leader);
                case END -> promises.end(team(), leader);
                case MAKE -> promises.make(team(), leader, c.focus().orElseThrow(), c.text());
            };
        }

        @Override
        public ChatMessage makeLeader(Command.MakeLeader c) {
            return administration.makeLeader(team(), c.userId(), cause());
        }

        @Override
        public ChatMessage rateLeader(Command.RateLeader c) {
            return administration.rateLeader(team(), c.userId(), cause());
        }

        @Override
        public ChatMessage removeLeader(Command.RemoveLeader c) {
            return administration.removeLeader(team(), c.userId(), cause());
        }

        @Override
        public ChatMessage addMembers(Command.AddMembers c) {
            return administration.addMembers(team(), c.userIds(), cause());
        }

        @Override
        public ChatMessage removeMembers(Command.RemoveMembers c) {
            return administration.removeMembers(team(), c.userIds(), cause());
        }

        @Override
        public ChatMessage scheduleCheckIns(Command.ScheduleCheckIns c) {
            return administration.schedule(team(), c);
        }

        @Override
        public ChatMessage scheduleSummary(Command.ScheduleSummary c) {
            return administration.schedule(team(), c);
        }

        @Override
        public ChatMessage scheduleNudges(Command.ScheduleNudges c) {
            return administration.schedule(team(), c);
        }

        @Override
        public ChatMessage setReminder(Command.SetReminder c) {
            return administration.schedule(team(), c);
        }

        @Override
        public ChatMessage setTimezone(Command.SetTimezone c) {
            return administration.timezone(team(), c.zone());
        }

        @Override
        public ChatMessage setLanguage(Command.SetLanguage c) {
            return administration.language(team(), c.language());
        }

        @Override
        public ChatMessage setThreshold(Command.SetThreshold c) {
            return administration.threshold(team(), c.threshold());
        }

        @Override
        public ChatMessage pause(Command.Pause c) {
            return administration.pause(team(), true);
        }

        @Override
        public ChatMessage resume(Command.Resume c) {
            return administration.pause(team(), false);
        }

        @Override
        public ChatMessage status(Command.Status c) {
            ChatMessage status = RunningCommands.this.status.status(team(), self);
            // Work the whole service could not do is for admins to see, not for a team's leaders.
            String failed = isAdmin(ctx) ? failedWork.statusLine(team().language()) : null;
            if (failed == null) {
                return status;
            }
            List<Block> blocks = new ArrayList<>(status.blocks());
            blocks.add(new Block.Context(failed));
            return new ChatMessage(status.summary(), blocks);
        }

        @Override
        public ChatMessage work(Command.Work c) {
            return failedWork.run(c, lang);
        }

        @Override
        public ChatMessage doctor(Command.Doctor c) {
            return RunningCommands.this.doctor(ctx, lang);
        }

        @Override
        public ChatMessage sendNow(Command.SendNow c) {
            return RunningCommands.this.sendNow(team(), ctx.requestKey());
        }

        @Override
        public ChatMessage closeWeek(Command.CloseWeek c) {
            Team t = team();
            ClosingWeeks.Outcome outcome = closing.closeNow(t.id());
            ClosingWeeks.Delivered d = closing.delivered(t.id(), closing.currentWeek(t.id()));
            boolean closedNow = outcome == ClosingWeeks.Outcome.CLOSED;
            if (d.complete()) {
                return reply.text(t.language(), closedNow ? "closeWeek.done" : "closeWeek.already");
            }
            String pulse =
                    texts.get(t.language(), d.pulsePosted() ? "closeWeek.pulse.posted" : "closeWeek.pulse.notYet");
            return reply.text(
                    t.language(),
                    closedNow ? "closeWeek.pending" : "closeWeek.alreadyPending",
                    pulse,
                    d.digestsSent(),
                    d.digests());
        }

        @Override
        public ChatMessage giveFeedback(Command.GiveFeedback c) {
            // Feedback goes to the leaders; a leader's own would count towards the release threshold and be
            // recognisable.
            if (self.filter(Member::isLeader).isPresent()) {
                return reply.text(team().language(), "feedback.leader");
            }
            return choices.confirmFeedback(team(), c.text());
        }
    }

    private ChatMessage sendNow(Team t, Optional<String> requestKey) {
        if (t.paused()) {
            return reply.text(t.language(), "sendNow.paused");
        }
        CheckIns.Round round =
                requestKey.isPresent() ? sending.sendNow(t.id(), requestKey.get()) : sending.sendNow(t.id());
        if (round.skippedBecause().filter(CheckIns.ALREADY_RUNNING::equals).isPresent()) {
            return reply.text(t.language(), "sendNow.busy");
        }
        if (round.skippedBecause().isPresent()) {
            return reply.text(t.language(), "sendNow.weekClosed");
        }
        return reply.text(
                t.language(),
                round.failed() > 0 ? "sendNow.doneWithFailures" : "sendNow.done",
                round.sent(),
                round.alreadySent(),
                round.failed());
    }

    /** One line per check of the install: ✓, or what to do. */
    private ChatMessage doctor(CommandContext ctx, Language lang) {
        Optional<String> workspace =
                ctx.platform() == Platform.SLACK ? Optional.of(ctx.workspaceId()) : Optional.empty();
        List<Doctor.Line> lines = doctor.examine(lang, workspace);
        String title = texts.get(lang, doctor.allOk(lines) ? "doctor.title.ok" : "doctor.title.fix");
        return new ChatMessage(
                title,
                List.of(
                        new Block.Text(title),
                        new Block.Text(String.join(
                                "\n", lines.stream().map(Doctor.Line::text).toList())),
                        new Block.Context(texts.get(lang, "doctor.dashboard"))));
    }

    private boolean allowed(CommandContext ctx, Subcommand sub, Optional<Member> self) {
        boolean leader = self.filter(Member::isLeader).isPresent();
        return switch (sub.who()) {
            case ANYONE -> true;
            case MEMBER -> self.isPresent();
            case LEADER -> leader;
            case ADMIN_OR_LEADER -> leader || isAdmin(ctx);
            case ADMIN -> isAdmin(ctx);
        };
    }

    /**
     * Admin commands, and in a team's context those for admins or leaders, are refused before their arguments are
     * read.
     */
    private boolean refusedBeforeReading(
            CommandContext ctx, Subcommand sub, Optional<Team> team, Optional<Member> self) {
        return switch (sub.who()) {
            case ADMIN -> !isAdmin(ctx);
            case ADMIN_OR_LEADER -> team.isPresent() && !allowed(ctx, sub, self);
            case ANYONE, MEMBER, LEADER -> false;
        };
    }

    private ChatMessage refuse(Language lang, Subcommand sub) {
        return reply.text(lang, "refused." + sub.who().name().toLowerCase(java.util.Locale.ROOT), sub.word());
    }

    private ChatMessage help(CommandContext ctx, Language lang, Optional<Member> self) {
        boolean admin = isAdmin(ctx);
        List<Member> everywhere = everyMembership(ctx);
        // In a team's channel the commands work on that team only; in a direct message on the person's teams.
        List<Member> here = ctx.channelId().isPresent() ? self.map(List::of).orElse(List.of()) : everywhere;
        boolean leader = here.stream().anyMatch(Member::isLeader);
        boolean member = !here.isEmpty();
        List<String> lines = new ArrayList<>();
        for (Subcommand s : Subcommand.values()) {
            boolean visible = switch (s.who()) {
                case ANYONE -> true;
                case MEMBER -> s == Subcommand.MYDATA || s == Subcommand.FORGET_ME ? !everywhere.isEmpty() : member;
                case LEADER -> leader;
                case ADMIN_OR_LEADER -> admin || leader;
                case ADMIN -> admin;
            };
            if (visible) {
                lines.add("`" + texts.get(lang, s.usageKey()) + "` — " + texts.get(lang, s.helpKey()));
            }
        }
        String title = texts.get(lang, "help.title");
        return new ChatMessage(
                title,
                List.of(
                        new Block.Text(title),
                        new Block.Text(String.join("\n", lines)),
                        new Block.Context(texts.get(lang, "help.answers"))));
    }

    /** The team bound to the channel; in a direct message, the person's only team (or an admin's only team). */
    Optional<Team> teamInContext(CommandContext ctx) {
        if (ctx.channelId().isPresent()) {
            return teams.findByChannel(
                    ctx.platform(), ctx.workspaceId(), ctx.channelId().get());
        }
        List<Member> memberships = members.membershipsOf(ctx.platform(), ctx.workspaceId(), ctx.userId());
        if (memberships.size() == 1) {
            return teams.find(memberships.get(0).teamId());
        }
        if (memberships.isEmpty() && isAdmin(ctx)) {
            List<Team> all = teams.findByWorkspace(ctx.platform(), ctx.workspaceId());
            return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** In a channel, the membership of that channel's team; in a direct message, all of the person's. */
    private List<Member> memberships(CommandContext ctx, Optional<Team> team) {
        if (ctx.channelId().isPresent()) {
            return team.flatMap(t -> members.find(t.id(), ctx.userId()))
                    .map(List::of)
                    .orElse(List.of());
        }
        return members.membershipsOf(ctx.platform(), ctx.workspaceId(), ctx.userId());
    }

    /** A person's own data is theirs in every team of the workspace, whichever channel they ask in. */
    private List<Member> everyMembership(CommandContext ctx) {
        return members.membershipsOf(ctx.platform(), ctx.workspaceId(), ctx.userId());
    }

    private Language languageOf(List<Member> memberships) {
        return memberships.stream()
                .findFirst()
                .flatMap(m -> teams.find(m.teamId()))
                .map(Team::language)
                .orElse(defaultLanguage);
    }
}
