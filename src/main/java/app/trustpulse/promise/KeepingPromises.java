package app.trustpulse.promise;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.nudge.NudgeCatalog;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.SentNudge;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A leader makes, changes or ends their focus and promise: from a tip of their digest with one click, in their own
 * words (a form or the command), or by the command. Each leader of a team has at most one promise there. A change in
 * the week it was made rewords it; a change in a later week starts a new promise, so the team is asked about what it
 * now says, two weeks on.
 */
public final class KeepingPromises {

    private final TeamRepository teams;
    private final MemberRepository members;
    private final PromiseRepository promises;
    private final NudgeLog nudgeLog;
    private final NudgeCatalog catalog;
    private final PromiseTexts texts;
    private final Clock clock;

    KeepingPromises(
            TeamRepository teams,
            MemberRepository members,
            PromiseRepository promises,
            NudgeLog nudgeLog,
            NudgeCatalog catalog,
            PromiseTexts texts,
            Clock clock) {
        this.teams = teams;
        this.members = members;
        this.promises = promises;
        this.nudgeLog = nudgeLog;
        this.catalog = catalog;
        this.texts = texts;
        this.clock = clock;
    }

    /** The leader's promise in the team, if they have one. */
    public Optional<Promise> current(long teamId, String leaderId) {
        return promises.active(teamId).stream()
                .filter(p -> p.leaderId().equals(leaderId))
                .findFirst();
    }

    /** A click on "make this my promise" under a tip of the leader's digest. */
    public ChatMessage fromTip(
            Platform platform, String workspaceId, String userId, long teamId, long sentNudgeId, Language fallback) {
        Optional<Team> team = teamOf(platform, workspaceId, teamId);
        if (team.isEmpty()) {
            return ChatMessage.text(texts.get(fallback, "action.unknown"));
        }
        Team t = team.get();
        if (!isLeader(t, userId)) {
            return reply(t, "promise.notLeader");
        }
        Optional<SentNudge> sent = nudgeLog.find(sentNudgeId)
                .filter(n -> n.teamId() == teamId
                        && n.leaderId().equals(userId)
                        && n.dimension().isPresent());
        Optional<String> words = sent.flatMap(n -> catalog.find(t.language(), n.nudgeId())
                .map(nudge -> nudge.textFor(texts.dimension(t, n.dimension().get()))));
        if (words.isEmpty()) {
            return reply(t, "promise.unknownTip");
        }
        return make(t, userId, sent.get().dimension().get(), words.get());
    }

    /** The words a leader typed into the promise form; {@code offered} is the focus the button suggested. */
    public ChatMessage inOwnWords(
            Platform platform,
            String workspaceId,
            String userId,
            long teamId,
            Optional<Dimension> offered,
            String input,
            Language fallback) {
        Optional<Team> team = teamOf(platform, workspaceId, teamId);
        if (team.isEmpty()) {
            return ChatMessage.text(texts.get(fallback, "action.unknown"));
        }
        Team t = team.get();
        if (!isLeader(t, userId)) {
            return reply(t, "promise.notLeader");
        }
        Optional<Dimension> focus = offered.or(() -> current(teamId, userId).map(Promise::focus));
        PromiseWords.Read read = PromiseWords.read(input, focus);
        if (read.problem().isPresent()) {
            return problem(t, read.problem().get());
        }
        if (read.focus().isEmpty()) {
            return reply(t, "promise.noFocus");
        }
        return make(t, userId, read.focus().get(), read.text());
    }

    /** A click on "end it". */
    public ChatMessage end(Platform platform, String workspaceId, String userId, long teamId, Language fallback) {
        Optional<Team> team = teamOf(platform, workspaceId, teamId);
        if (team.isEmpty()) {
            return ChatMessage.text(texts.get(fallback, "action.unknown"));
        }
        return end(team.get(), userId);
    }

    /** Makes the leader's promise, or changes it (see the class comment). The leader is checked by the caller. */
    public ChatMessage make(Team team, String leaderId, Dimension focus, String text) {
        PromiseWords.Read read = PromiseWords.check(Optional.of(focus), text);
        if (read.problem().isPresent()) {
            return problem(team, read.problem().get());
        }
        WeekId week = WeekId.of(clock.instant(), team.timezone());
        Optional<Promise> before = current(team.id(), leaderId);
        if (before.isPresent() && before.get().madeIn().equals(week)) {
            promises.reword(before.get().id(), focus, read.text());
        } else {
            before.ifPresent(p -> promises.end(p.id(), clock.instant()));
            promises.add(
                    new Promise(0, team.id(), leaderId, focus, read.text(), week, clock.instant(), Optional.empty()));
        }
        Promise now = current(team.id(), leaderId).orElseThrow();
        String said = texts.get(
                team,
                before.isPresent() ? "promise.changed" : "promise.made",
                texts.dimension(team, now.focus()),
                now.text(),
                now.madeIn().plus(Promise.FIRST_ASKED_AFTER_WEEKS).week());
        return new ChatMessage(said, List.of(new Block.Text(said), texts.changeOrEnd(team, now)));
    }

    /** Ends the leader's promise; what the team said about it stays in its counts. */
    public ChatMessage end(Team team, String leaderId) {
        Optional<Promise> p = current(team.id(), leaderId);
        if (p.isEmpty()) {
            return reply(team, "promise.none");
        }
        promises.end(p.get().id(), clock.instant());
        return reply(team, "promise.ended");
    }

    /** The leader's promise with what the team noticed of it, and what they can do with it. */
    public ChatMessage show(Team team, String leaderId) {
        Optional<Promise> p = current(team.id(), leaderId);
        if (p.isEmpty()) {
            return reply(team, "promise.none.howTo");
        }
        List<Block> blocks = new ArrayList<>();
        String line = texts.get(
                team,
                "promise.yours",
                texts.dimension(team, p.get().focus()),
                p.get().text(),
                p.get().madeIn().week());
        blocks.add(new Block.Text(line));
        TrustAccount.latest(promises.tallies(team.id())).values().stream()
                .filter(t -> t.promiseId() == p.get().id())
                .findFirst()
                .ifPresent(t -> blocks.add(new Block.Context(texts.tallyLine(team, t))));
        blocks.add(texts.changeOrEnd(team, p.get()));
        return new ChatMessage(line, blocks);
    }

    /** Erases a leader's promises in a team, e.g. when they ask to be forgotten; returns how many. */
    public int forget(long teamId, String leaderId) {
        return promises.deleteOfLeader(teamId, leaderId);
    }

    private Optional<Team> teamOf(Platform platform, String workspaceId, long teamId) {
        return teams.find(teamId)
                .filter(t -> t.platform() == platform && t.workspaceId().equals(workspaceId));
    }

    private boolean isLeader(Team team, String userId) {
        return members.find(team.id(), userId).filter(Member::isLeader).isPresent();
    }

    private ChatMessage reply(Team team, String key) {
        return ChatMessage.text(texts.get(team, key));
    }

    private ChatMessage problem(Team team, String key) {
        return ChatMessage.text(texts.get(team, key, Promise.MAX_LENGTH));
    }
}
