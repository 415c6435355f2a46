package app.trustpulse.summary;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.nudge.DigestNudges;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.NudgeReason;
import app.trustpulse.nudge.SentNudge;
import app.trustpulse.promise.PromiseSections;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A leader's weekly digest: the pulse, the leader's self-check beside the team's view, one to three
 * nudges chosen from the published answers, last week's nudges to react to, and anonymous feedback
 * when enough people gave some.
 */
final class LeaderDigests {

    static final int MAX_NUDGES = 3;
    private static final Duration NO_REPEAT = Duration.ofDays(7L * DigestNudges.NO_REPEAT_WEEKS);

    /** What the week close hands every leader's digest. */
    record WeekContext(
            WeeklyPulse pulse,
            Map<WeekId, Map<Dimension, PublishedScore>> earlier,
            List<String> feedback,
            int feedbackHeld,
            List<String> comments) {}

    private final DigestNudges nudges;
    private final NudgeLog nudgeLog;
    private final PulseMessages pulseMessages;
    private final Texts texts;
    private final Clock clock;
    private final PromiseSections promises;

    /**
     * @param nudges what the digest uses of nudges; nudges on the team's focus go out as the week's randomised
     *     decision says when they are randomised
     */
    LeaderDigests(DigestNudges nudges, NudgeLog nudgeLog, PulseMessages pulseMessages, Texts texts, Clock clock) {
        this(nudges, nudgeLog, pulseMessages, texts, clock, PromiseSections.none());
    }

    /** @param promises the leader's focus and promise, and what they must hear first (see {@link PromiseSections}) */
    LeaderDigests(
            DigestNudges nudges,
            NudgeLog nudgeLog,
            PulseMessages pulseMessages,
            Texts texts,
            Clock clock,
            PromiseSections promises) {
        this.promises = promises;
        this.nudges = nudges;
        this.nudgeLog = nudgeLog;
        this.pulseMessages = pulseMessages;
        this.texts = texts;
        this.clock = clock;
    }

    /** How many nudges the leader's digest of that week carries (chosen when it was first composed). */
    int nudgesIn(Team team, String leaderId, WeekId week) {
        return (int) nudgeLog.ofLeader(team.id(), leaderId, clock.instant().minus(NO_REPEAT)).stream()
                .filter(n ->
                        n.occasion() == SentNudge.Occasion.DIGEST && n.week().equals(week))
                .count();
    }

    ChatMessage digest(Team team, Member leader, WeekContext week, Map<Dimension, Integer> selfCheck) {
        return digest(team, leader, week, SelfCheckScope.all(selfCheck));
    }

    /** @param scope the leader's self-check, and which of it is set beside the team's view */
    ChatMessage digest(Team team, Member leader, WeekContext week, SelfCheckScope scope) {
        Map<Dimension, Integer> selfCheck = scope.compared();
        Language lang = team.language();
        WeeklyPulse pulse = week.pulse();
        Instant now = clock.instant();
        List<Block> blocks = new ArrayList<>();
        String header =
                texts.get(lang, "digest.header", team.name(), pulse.week().week());
        blocks.add(new Block.Header(header));
        blocks.addAll(promises.digestFirst(team, pulse));
        blocks.addAll(pulseMessages.body(team, pulse));
        if (!selfCheck.isEmpty() || scope.notCompared().isEmpty()) {
            blocks.addAll(selfCheckBlocks(lang, pulse, selfCheck, team.threshold()));
        }
        notComparedBlock(lang, scope).ifPresent(blocks::add);

        List<SentNudge> recent = nudgeLog.ofLeader(team.id(), leader.userId(), now.minus(NO_REPEAT));
        List<SentNudge> unanswered = recent.stream()
                .filter(n -> n.reaction().isEmpty() && n.week().compareTo(pulse.week()) < 0)
                .limit(2)
                .toList();
        DigestNudges.Signals signals = nudges.signals(pulse, week.earlier(), selfCheck);
        if (!signals.lower().isEmpty()) {
            String names = signals.lower().stream()
                    .map(d -> texts.dimensionName(lang, d))
                    .collect(Collectors.joining(", "));
            blocks.add(new Block.Text(texts.get(lang, "digest.lower", names)));
        }
        // A digest sent again (its first try failed or its sender died) shows the nudges chosen the first time.
        List<SentNudge> chosen = recent.stream()
                .filter(n ->
                        n.occasion() == SentNudge.Occasion.DIGEST && n.week().equals(pulse.week()))
                .toList();
        boolean withheld = false;
        if (chosen.isEmpty()) {
            Set<String> recentIds = recent.stream().map(SentNudge::nudgeId).collect(Collectors.toSet());
            DigestNudges.Choice choice = nudges.choose(
                    team.id(),
                    leader.userId(),
                    pulse.week(),
                    lang,
                    signals,
                    recentIds,
                    MAX_NUDGES,
                    pulse.week().ordinal());
            withheld = choice.withheld();
            List<SentNudge> recorded = new ArrayList<>();
            for (DigestNudges.Chosen c : choice.nudges()) {
                SentNudge sent = new SentNudge(
                        0,
                        team.id(),
                        leader.userId(),
                        c.nudgeId(),
                        Optional.of(c.dimension()),
                        c.reason(),
                        pulse.week(),
                        SentNudge.Occasion.DIGEST,
                        now,
                        Optional.empty());
                recorded.add(sent.withId(nudgeLog.record(sent)));
            }
            chosen = recorded;
        }
        List<Map.Entry<SentNudge, List<Block>>> shown = new ArrayList<>();
        for (SentNudge n : chosen) {
            nudges.nudgeBlocks(lang, n).ifPresent(nudgeBlocks -> shown.add(Map.entry(n, nudgeBlocks)));
        }
        if (!shown.isEmpty()) {
            blocks.add(new Block.Text(texts.get(lang, "digest.nudges.title")));
        }
        for (Map.Entry<SentNudge, List<Block>> entry : shown) {
            SentNudge n = entry.getKey();
            if (n.reason() == NudgeReason.DROP) {
                blocks.add(new Block.Text(texts.get(
                        lang,
                        "digest.drop",
                        texts.dimensionName(lang, n.dimension().get()))));
            }
            blocks.addAll(entry.getValue());
        }
        if (withheld) {
            blocks.add(new Block.Context(texts.get(lang, "digest.randomised")));
        }
        blocks.addAll(promises.digest(
                team,
                leader,
                pulse,
                shown.stream()
                        .map(e -> new PromiseSections.Tip(
                                e.getKey().id(), e.getKey().dimension().get()))
                        .toList()));
        for (SentNudge earlier : unanswered) {
            nudges.earlierNudge(lang, earlier).ifPresent(blocks::addAll);
        }
        if (!week.feedback().isEmpty()) {
            blocks.add(new Block.Text(
                    texts.get(lang, "digest.feedback.title", week.feedback().size())));
            blocks.add(
                    new Block.Text(week.feedback().stream().map(f -> "• " + f).collect(Collectors.joining("\n"))));
            // Answering happens in the feedback module's own message, one feedback at a time.
            blocks.add(new Block.Buttons(
                    List.of(Button.of(texts.get(lang, "digest.feedback.answer"), Actions.listFeedback(team.id())))));
        } else if (week.feedbackHeld() > 0) {
            blocks.add(new Block.Context(texts.get(lang, "digest.feedback.held", team.threshold())));
        }
        if (!week.comments().isEmpty()) {
            blocks.add(new Block.Text(texts.get(lang, "digest.comments.title")));
            blocks.add(
                    new Block.Text(week.comments().stream().map(c -> "• " + c).collect(Collectors.joining("\n"))));
        }
        blocks.add(new Block.Context(texts.get(lang, "digest.privacy", team.threshold())));
        return new ChatMessage(header, blocks);
    }

    /** Says, in plain words, why a leader who is not the rated one sees no comparison on the leader's dimensions. */
    private Optional<Block> notComparedBlock(Language lang, SelfCheckScope scope) {
        if (scope.notCompared().isEmpty()) {
            return Optional.empty();
        }
        String names = Dimension.inModelOrder().stream()
                .filter(scope.notCompared()::contains)
                .map(d -> texts.dimensionName(lang, d))
                .collect(Collectors.joining(", "));
        return Optional.of(new Block.Context(
                scope.rated().isPresent()
                        ? texts.get(
                                lang,
                                "digest.selfcheck.otherLeader",
                                scope.rated().get().displayName(),
                                names)
                        : texts.get(lang, "digest.selfcheck.noLeaderNamed", names)));
    }

    private List<Block> selfCheckBlocks(
            Language lang, WeeklyPulse pulse, Map<Dimension, Integer> selfCheck, int threshold) {
        List<Block> blocks = new ArrayList<>();
        if (selfCheck.isEmpty()) {
            blocks.add(new Block.Context(texts.get(lang, "digest.selfcheck.none")));
            return blocks;
        }
        if (pulse.withheld()) {
            // Said, so a leader who answered does not wonder where their self-check went.
            blocks.add(new Block.Context(texts.get(lang, "digest.selfcheck.noTeamScore", threshold)));
            return blocks;
        }
        List<DigestNudges.Gap> gaps = nudges.gaps(pulse, selfCheck);
        List<Block.ScoreRow> rows = new ArrayList<>();
        for (Dimension d : Dimension.inModelOrder()) {
            Integer self = selfCheck.get(d);
            Optional<Double> team = pulse.mean(d);
            if (self == null || team.isEmpty()) {
                continue;
            }
            boolean gap = gaps.stream().anyMatch(g -> g.dimension() == d);
            rows.add(new Block.ScoreRow(
                    texts.dimensionName(lang, d),
                    texts.get(lang, "digest.selfcheck.row", self, TextFormats.score(lang, team.get())),
                    gap ? TextFormats.difference(lang, self, team.get()) : "",
                    "",
                    ""));
        }
        if (rows.isEmpty()) {
            blocks.add(new Block.Context(texts.get(lang, "digest.selfcheck.noTeamScore", threshold)));
            return blocks;
        }
        blocks.add(new Block.Text(texts.get(lang, "digest.selfcheck.title")));
        blocks.add(new Block.ScoreTable(
                rows,
                List.of(texts.get(lang, "table.selfcheck.self"), texts.get(lang, "table.selfcheck.gap"), "", "")));
        if (!gaps.isEmpty()) {
            DigestNudges.Gap widest = gaps.get(0);
            blocks.add(new Block.Text(texts.get(
                    lang,
                    widest.self() > widest.team() ? "digest.blindspot.higher" : "digest.blindspot.lower",
                    texts.dimensionName(lang, widest.dimension()),
                    (int) widest.self(),
                    TextFormats.score(lang, widest.team()))));
        }
        return blocks;
    }
}
