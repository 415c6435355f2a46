package app.trustpulse.summary;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.NudgeMessages;
import app.trustpulse.nudge.NudgeReason;
import app.trustpulse.nudge.NudgeSelector;
import app.trustpulse.nudge.SentNudge;
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
public final class LeaderDigests {

    public static final int MAX_NUDGES = 3;
    private static final Duration NO_REPEAT = Duration.ofDays(7L * NudgeSelector.NO_REPEAT_WEEKS);

    /** What the week close hands every leader's digest. */
    public record WeekContext(WeeklyPulse pulse, Map<WeekId, Map<Dimension, PublishedScore>> earlier, List<String> feedback,
                              int feedbackHeld, List<String> comments) {
    }

    private final NudgeSelector selector;
    private final NudgeLog nudgeLog;
    private final PulseMessages pulseMessages;
    private final NudgeMessages nudgeMessages;
    private final Texts texts;
    private final Clock clock;

    public LeaderDigests(NudgeSelector selector, NudgeLog nudgeLog, PulseMessages pulseMessages, NudgeMessages nudgeMessages,
                         Texts texts, Clock clock) {
        this.selector = selector;
        this.nudgeLog = nudgeLog;
        this.pulseMessages = pulseMessages;
        this.nudgeMessages = nudgeMessages;
        this.texts = texts;
        this.clock = clock;
    }

    /** A composed digest and how many new nudges it carries. */
    public record Digest(ChatMessage message, int nudges) {
    }

    /**
     * The nudges of one leader's digest: new ones to record before sending, earlier ones still unanswered, and the
     * signals they were chosen from.
     */
    public record Nudges(List<NudgeSelector.Pick> picks, List<SentNudge> unanswered, NudgeSelector.Signals signals) {
    }

    /** Chooses the leader's nudges from the published pulse, none sent in the last six weeks. Reads, writes nothing. */
    public Nudges chooseNudges(Team team, Member leader, WeekContext week, Map<Dimension, Integer> selfCheck) {
        WeeklyPulse pulse = week.pulse();
        List<SentNudge> recent = nudgeLog.ofLeader(team.id(), leader.userId(), clock.instant().minus(NO_REPEAT));
        List<SentNudge> unanswered = recent.stream()
                .filter(n -> n.reaction().isEmpty() && n.week().compareTo(pulse.week()) < 0)
                .limit(2)
                .toList();
        NudgeSelector.Signals signals = selector.signals(Optional.of(pulse), week.earlier(), selfCheck);
        Set<String> recentIds = recent.stream().map(SentNudge::nudgeId).collect(Collectors.toSet());
        return new Nudges(selector.choose(team.language(), signals, recentIds, MAX_NUDGES, pulse.week().ordinal()), unanswered,
                signals);
    }

    /** The log entry of a chosen nudge, to record before the digest goes out (its buttons carry the entry's id). */
    public static SentNudge toRecord(Team team, Member leader, NudgeSelector.Pick pick, WeekId week, Instant at) {
        return new SentNudge(0, team.id(), leader.userId(), pick.nudge().id(), Optional.of(pick.dimension()), pick.reason(),
                week, SentNudge.Occasion.DIGEST, at, Optional.empty());
    }

    /** Composes the digest; {@code recordedIds} are the log ids of {@code nudges.picks()}, in order. */
    public Digest digest(Team team, WeekContext week, Map<Dimension, Integer> selfCheck, Nudges nudges, List<Long> recordedIds) {
        Language lang = team.language();
        WeeklyPulse pulse = week.pulse();
        List<Block> blocks = new ArrayList<>();
        String header = texts.get(lang, "digest.header", team.name(), pulse.week().week());
        blocks.add(new Block.Header(header));
        blocks.addAll(pulseMessages.body(team, pulse));
        blocks.addAll(selfCheckBlocks(lang, pulse, selfCheck));

        List<NudgeSelector.Pick> picks = nudges.picks();
        if (!nudges.signals().lower().isEmpty()) {
            String names = nudges.signals().lower().stream().map(d -> texts.dimensionName(lang, d.dimension()))
                    .collect(Collectors.joining(", "));
            blocks.add(new Block.Text(texts.get(lang, "digest.lower", names)));
        }
        if (!picks.isEmpty()) {
            blocks.add(new Block.Text(texts.get(lang, "digest.nudges.title")));
        }
        for (int i = 0; i < picks.size(); i++) {
            NudgeSelector.Pick pick = picks.get(i);
            if (pick.reason() == NudgeReason.DROP) {
                blocks.add(new Block.Text(texts.get(lang, "digest.drop", texts.dimensionName(lang, pick.dimension()))));
            }
            blocks.addAll(nudgeMessages.nudgeBlocks(lang, pick, recordedIds.get(i)));
        }
        for (SentNudge earlier : nudges.unanswered()) {
            nudgeMessages.earlierNudge(lang, earlier).ifPresent(blocks::addAll);
        }
        if (!week.feedback().isEmpty()) {
            blocks.add(new Block.Text(texts.get(lang, "digest.feedback.title", week.feedback().size())));
            blocks.add(new Block.Text(week.feedback().stream().map(f -> "• " + f).collect(Collectors.joining("\n"))));
        } else if (week.feedbackHeld() > 0) {
            blocks.add(new Block.Context(texts.get(lang, "digest.feedback.held", team.threshold())));
        }
        if (!week.comments().isEmpty()) {
            blocks.add(new Block.Text(texts.get(lang, "digest.comments.title")));
            blocks.add(new Block.Text(week.comments().stream().map(c -> "• " + c).collect(Collectors.joining("\n"))));
        }
        blocks.add(new Block.Context(texts.get(lang, "digest.privacy", team.threshold())));
        return new Digest(new ChatMessage(header, blocks), picks.size());
    }

    private List<Block> selfCheckBlocks(Language lang, WeeklyPulse pulse, Map<Dimension, Integer> selfCheck) {
        List<Block> blocks = new ArrayList<>();
        if (selfCheck.isEmpty()) {
            blocks.add(new Block.Context(texts.get(lang, "digest.selfcheck.none")));
            return blocks;
        }
        if (pulse.withheld()) {
            return blocks;
        }
        List<NudgeSelector.Gap> gaps = selector.gaps(pulse, selfCheck);
        List<Block.ScoreRow> rows = new ArrayList<>();
        for (Dimension d : Dimension.inModelOrder()) {
            Integer self = selfCheck.get(d);
            Optional<Double> team = pulse.mean(d);
            if (self == null || team.isEmpty()) {
                continue;
            }
            boolean gap = gaps.stream().anyMatch(g -> g.dimension() == d);
            rows.add(new Block.ScoreRow(texts.dimensionName(lang, d),
                    texts.get(lang, "digest.selfcheck.row", self, TextFormats.score(lang, team.get())),
                    gap ? TextFormats.change(lang, self - team.get()) : "", "", ""));
        }
        if (rows.isEmpty()) {
            return blocks;
        }
        blocks.add(new Block.Text(texts.get(lang, "digest.selfcheck.title")));
        blocks.add(new Block.ScoreTable(rows, List.of(texts.get(lang, "table.selfcheck.self"),
                texts.get(lang, "table.selfcheck.gap"), "", "")));
        if (!gaps.isEmpty()) {
            NudgeSelector.Gap widest = gaps.get(0);
            blocks.add(new Block.Text(texts.get(lang, widest.self() > widest.team() ? "digest.blindspot.higher" : "digest.blindspot.lower",
                    texts.dimensionName(lang, widest.dimension()), (int) widest.self(), TextFormats.score(lang, widest.team()))));
        }
        return blocks;
    }
}
