package app.trustpulse.command;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.PlatformPersonalData;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.promise.KeepingPromises;
import app.trustpulse.promise.NoticingPromises;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.Feedback;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What members decide for themselves: opting out and in, leaders' own nudges, anonymous feedback,
 * seeing their own data and erasing it.
 */
final class MemberChoices {

    /** How long a feedback preview's "send" works; then the person sends /pulse feedback again. */
    static final Duration PREVIEW_VALID = Duration.ofDays(1);

    private final TeamRepository teams;
    private final MemberRepository members;
    private final CheckInRepository checkIns;
    private final PersonalAnswers own;
    private final FeedbackRepository feedback;
    private final NudgeLog nudgeLog;
    private final Pseudonymizer pseudonyms;
    private final Reply reply;
    private final Texts texts;
    private final Clock clock;
    private final List<PlatformPersonalData> platformData;
    private final RandomGenerator random;
    private final KeepingPromises promises;
    private final NoticingPromises noticing;
    private final RatedLeaders ratedLeaders;

    MemberChoices(
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            PersonalAnswers own,
            FeedbackRepository feedback,
            NudgeLog nudgeLog,
            Pseudonymizer pseudonyms,
            Reply reply,
            Texts texts,
            Clock clock,
            List<PlatformPersonalData> platformData,
            RandomGenerator random,
            KeepingPromises promises,
            NoticingPromises noticing,
            RatedLeaders ratedLeaders) {
        this.ratedLeaders = ratedLeaders;
        this.teams = teams;
        this.members = members;
        this.checkIns = checkIns;
        this.own = own;
        this.feedback = feedback;
        this.nudgeLog = nudgeLog;
        this.pseudonyms = pseudonyms;
        this.reply = reply;
        this.texts = texts;
        this.clock = clock;
        this.platformData = List.copyOf(platformData);
        this.random = random;
        this.promises = promises;
        this.noticing = noticing;
    }

    ChatMessage optOut(List<Member> memberships, Language lang, boolean out) {
        if (memberships.isEmpty()) {
            return reply.text(lang, "member.notInTeam");
        }
        memberships.forEach(m -> members.save(m.withOptedOut(out)));
        return reply.text(lang, out ? "optout.done" : "optin.done", teamNames(memberships));
    }

    ChatMessage nudges(List<Member> leaderships, Language lang, boolean on) {
        if (leaderships.isEmpty()) {
            return reply.text(lang, "nudges.notLeader");
        }
        leaderships.forEach(m -> members.save(m.withNudgesPaused(!on)));
        return reply.text(lang, on ? "nudges.on" : "nudges.off");
    }

    /** Shows the feedback and the rules it is released by, with "send" and "cancel": nothing is stored yet. */
    ChatMessage confirmFeedback(Team team, String text) {
        Language lang = team.language();
        String rules = texts.get(lang, "feedback.rules", team.threshold());
        return new ChatMessage(
                rules,
                List.of(
                        new Block.Text(texts.get(lang, "feedback.preview", text)),
                        new Block.Context(rules),
                        new Block.Buttons(List.of(
                                Button.primary(
                                        texts.get(lang, "feedback.send"),
                                        Actions.sendFeedback(team.id(), onceToken(), text)),
                                Button.of(texts.get(lang, "feedback.cancel"), Actions.dismiss())))));
    }

    /**
     * A fresh token for one preview's "send" button: when it was made (seconds, 8 hex digits) and 8 random hex digits.
     * Used tokens are remembered with the handled events, which the retention keeps longer than a preview is valid.
     */
    private String onceToken() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return String.format("%08x", clock.instant().getEpochSecond())
                + java.util.HexFormat.of().formatHex(bytes);
    }

    private boolean expired(String once) {
        Instant made = Instant.ofEpochSecond(Long.parseLong(once.substring(0, 8), 16));
        Instant now = clock.instant();
        return made.isBefore(now.minus(PREVIEW_VALID)) || made.isAfter(now.plus(Duration.ofMinutes(5)));
    }

    /**
     * Stores confirmed feedback under the giver's pseudonym. With the preview's token ({@code preview}) it is stored
     * the first time only: a second click on the same "send", on any platform or instance, stores nothing more. The
     * platform's id of the request ({@code request}) does the same for a form sent in: handled again after a crash,
     * it stores nothing more.
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
        Optional<Team> team = teams.find(teamId)
                .filter(t -> t.platform() == platform && t.workspaceId().equals(workspaceId));
        Optional<Member> member = team.flatMap(t -> members.find(t.id(), userId));
        if (team.isEmpty() || member.isEmpty()) {
            return reply.text(fallback, "member.notInTeam");
        }
        Team t = team.get();
        if (member.get().isLeader()) {
            return reply.text(t.language(), "feedback.leader");
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > CommandParser.FEEDBACK_MAX) {
            return reply.text(t.language(), "command.feedback.tooLong", CommandParser.FEEDBACK_MAX);
        }
        if (preview.isPresent() && expired(preview.get())) {
            return reply.text(t.language(), "feedback.previewExpired");
        }
        Feedback given = new Feedback(
                0,
                t.id(),
                WeekId.of(clock.instant(), t.timezone()),
                pseudonyms.feedbackGiver(t.id(), t.platform(), userId),
                trimmed,
                Optional.empty());
        Optional<String> once = preview.map(p -> "preview:" + p).or(() -> request.map(r -> "request:" + r));
        if (once.isEmpty()) {
            feedback.add(given);
        } else if (feedback.addOnce(given, once.get()).isEmpty()) {
            return reply.text(t.language(), "feedback.alreadySent");
        }
        return reply.text(t.language(), "feedback.sent", t.threshold());
    }

    /**
     * Everything kept about the person in every team of the workspace: found by their platform id and by their
     * pseudonym in each team, so a person who left a team still sees (and can erase) what they gave there.
     */
    ChatMessage myData(CommandContext ctx, Language lang) {
        List<Footprint> footprints = footprints(ctx.platform(), ctx.workspaceId(), ctx.userId());
        if (footprints.isEmpty()) {
            return reply.text(lang, "mydata.none");
        }
        List<Block> blocks = new ArrayList<>();
        String title = texts.get(lang, "mydata.title");
        blocks.add(new Block.Header(title));
        for (Footprint f : footprints) {
            Team team = f.team();
            blocks.add(new Block.Text(f.membership()
                    .map(m -> texts.get(
                            lang,
                            "mydata.team",
                            team.name(),
                            texts.get(lang, m.isLeader() ? "mydata.role.leader" : "mydata.role.member"),
                            texts.get(lang, m.optedOut() ? "mydata.optedOut" : "mydata.active"),
                            m.timezone()
                                    .map(Object::toString)
                                    .orElse(team.timezone().getId())))
                    .orElseGet(() -> texts.get(lang, "mydata.team.former", team.name()))));
            List<Answer> own = new ArrayList<>(f.answers());
            own.sort(Comparator.comparing(Answer::week).thenComparing(Answer::dimension));
            if (own.isEmpty()) {
                blocks.add(new Block.Context(texts.get(lang, "mydata.noAnswers")));
            } else {
                StringBuilder sb = new StringBuilder();
                for (Answer a : own) {
                    sb.append(a.week())
                            .append(" · ")
                            .append(texts.dimensionName(lang, a.dimension()))
                            .append(": ")
                            .append(
                                    a.score().isPresent()
                                            ? String.valueOf(a.score().getAsInt())
                                            : texts.get(lang, "checkin.scale.cantSay.recorded"));
                    a.comment().ifPresent(c -> sb.append(" — “").append(c).append("”"));
                    sb.append('\n');
                }
                blocks.add(new Block.Text(sb.toString().strip()));
            }
            for (Feedback given : f.feedback()) {
                blocks.add(new Block.Context(texts.get(
                        lang,
                        given.releasedIn().isPresent() ? "mydata.feedback.released" : "mydata.feedback.held",
                        given.week().toString(),
                        given.text())));
            }
            if (f.checkIns() > 0 || f.nudges() > 0) {
                blocks.add(new Block.Context(texts.get(lang, "mydata.records", f.checkIns(), f.nudges())));
            }
        }
        blocks.add(new Block.Context(texts.get(lang, "mydata.footer")));
        return new ChatMessage(title, blocks);
    }

    ChatMessage confirmForget(CommandContext ctx, Language lang) {
        List<Footprint> footprints = footprints(ctx.platform(), ctx.workspaceId(), ctx.userId());
        if (footprints.isEmpty()) {
            return reply.text(lang, "mydata.none");
        }
        String names =
                String.join(", ", footprints.stream().map(f -> f.team().name()).toList());
        String question = texts.get(lang, "forget.confirm", names);
        return new ChatMessage(
                question,
                List.of(
                        new Block.Text(question),
                        new Block.Buttons(List.of(
                                Button.danger(texts.get(lang, "forget.yes"), Actions.forgetMe(true)),
                                Button.of(texts.get(lang, "forget.no"), Actions.forgetMe(false))))));
    }

    /**
     * Erases everything stored about the person in every team of the workspace, member or not any more: answers and
     * comments, feedback, check-ins, nudges and their reactions, memberships, and what the platform adapter keeps.
     */
    public ChatMessage forget(Platform platform, String workspaceId, String userId, Language fallback) {
        List<Footprint> footprints = footprints(platform, workspaceId, userId);
        Language lang =
                footprints.stream().map(f -> f.team().language()).findFirst().orElse(fallback);
        int erasedAnswers = 0;
        int erasedFeedback = 0;
        int erasedCheckIns = 0;
        int erasedNudges = 0;
        int memberships = 0;
        for (Footprint f : footprints) {
            long teamId = f.team().id();
            erasedAnswers += own.forget(f.team(), userId);
            erasedFeedback += feedback.deleteOfPseudonym(teamId, f.giver());
            erasedCheckIns += checkIns.deleteOfUser(teamId, userId);
            erasedNudges += nudgeLog.deleteOfLeader(teamId, userId);
            // A leader's promises go with their nudges; a member's answers about promises with their answers.
            erasedNudges += promises.forget(teamId, userId);
            erasedAnswers += noticing.forget(f.team(), userId);
            // A leader the statements named: the weeks keep no name, and their statements say "my leader".
            ratedLeaders.forget(teamId, userId);
            if (members.remove(teamId, userId)) {
                memberships++;
            }
        }
        int platformRecords = platformData.stream()
                .mapToInt(p -> p.forget(platform, workspaceId, userId))
                .sum();
        if (footprints.isEmpty() && platformRecords == 0) {
            return reply.text(fallback, "mydata.none");
        }
        return reply.text(
                lang, "forget.done", erasedAnswers, erasedFeedback, erasedCheckIns, erasedNudges, memberships);
    }

    /** One team's share of what is kept about a person. */
    private record Footprint(
            Team team,
            String giver,
            Optional<Member> membership,
            List<Answer> answers,
            List<Feedback> feedback,
            int checkIns,
            int nudges) {

        boolean isEmpty() {
            return membership.isEmpty() && answers.isEmpty() && feedback.isEmpty() && checkIns == 0 && nudges == 0;
        }
    }

    private List<Footprint> footprints(Platform platform, String workspaceId, String userId) {
        List<Footprint> found = new ArrayList<>();
        for (Team team : teams.findByWorkspace(platform, workspaceId)) {
            String giver = pseudonyms.feedbackGiver(team.id(), team.platform(), userId);
            Footprint f = new Footprint(
                    team,
                    giver,
                    members.find(team.id(), userId),
                    own.ofAnyWeek(team, userId),
                    feedback.ofPseudonym(team.id(), giver),
                    checkIns.countOfUser(team.id(), userId),
                    nudgeLog.countOfLeader(team.id(), userId));
            if (!f.isEmpty()) {
                found.add(f);
            }
        }
        return found;
    }

    private String teamNames(List<Member> memberships) {
        return String.join(
                ", ",
                memberships.stream()
                        .map(m -> teams.find(m.teamId()).map(Team::name).orElse("?"))
                        .toList());
    }
}
