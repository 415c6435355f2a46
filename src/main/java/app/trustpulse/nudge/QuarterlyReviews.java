package app.trustpulse.nudge;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The leader's quarterly look back: the nudges of the quarter, and what the randomised weeks say. Weeks in which the
 * nudge on the team's focus was sent are compared with weeks in which it was withheld on purpose, each weighted by
 * the probability it had (see {@link RandomisedEffect}). Each review uses the decisions of the last
 * {@link #DECISION_WEEKS} weeks whose outcomes have closed; where they are too few for a number, a question to reflect
 * on instead.
 */
final class QuarterlyReviews {

    public static final int QUARTER_WEEKS = 13;
    /**
     * A quarter holds too few decisions for most teams (a week is one only when a dimension is falling), so each
     * review looks at half a year of them; consecutive reviews share half their weeks.
     */
    public static final int DECISION_WEEKS = 26;
    /** The score history a review needs: its decisions, the weeks before them and the weeks after. */
    public static final int HISTORY_WEEKS = DECISION_WEEKS + RandomisedEffect.POST_TO + RandomisedEffect.PRE_WEEKS;
    /** Measured weeks needed on each side. */
    public static final int MIN_EACH = 4;
    /**
     * The margin's two-sided level. A leader looks four times a year; with 1 % in each tail per look, a year of nudges
     * that do nothing says "it worked" at most 4 % of the time, however much the looks overlap.
     */
    public static final double ALPHA = 0.02;

    private static final Set<Integer> QUARTER_MONTHS = Set.of(1, 4, 7, 10);

    private final NudgeLog nudgeLog;
    private final DecisionLog decisions;
    private final Texts texts;

    QuarterlyReviews(NudgeLog nudgeLog, DecisionLog decisions, Texts texts) {
        this.nudgeLog = nudgeLog;
        this.decisions = decisions;
        this.texts = texts;
    }

    /** A review goes out with the first regular week close of January, April, July and October. */
    public static boolean isDue(Team team, LocalDate closeDate) {
        return closeDate.getDayOfMonth() <= 7
                && QUARTER_MONTHS.contains(closeDate.getMonthValue())
                && closeDate.getDayOfWeek() == team.schedule().summaryDay();
    }

    /** The weeks whose decisions a review closing {@code week} measures: the last 26 whose outcome weeks closed. */
    public static WeekId firstDecisionWeek(WeekId week) {
        return lastDecisionWeek(week).minus(DECISION_WEEKS - 1);
    }

    public static WeekId lastDecisionWeek(WeekId week) {
        return week.minus(RandomisedEffect.POST_TO);
    }

    /** The quarter's observations for one leader: each decision its own cluster. */
    public static List<RandomisedEffect.Observation> observations(
            List<NudgeDecision> decisions, Map<WeekId, Map<Dimension, Double>> history) {
        return decisions.stream()
                .map(d -> new RandomisedEffect.Observation(
                        d.week().toString(),
                        d.leaderId(),
                        d.probability(),
                        d.sent(),
                        RandomisedEffect.outcome(history, d.dimension(), d.week())))
                .toList();
    }

    /**
     * @param week    the week being closed
     * @param history published means by week and dimension, at least {@link #HISTORY_WEEKS} weeks up to {@code week}
     */
    public Optional<ChatMessage> review(
            Team team, String leaderId, WeekId week, Map<WeekId, Map<Dimension, Double>> history) {
        List<SentNudge> nudges = nudgeLog.ofLeader(team.id(), leaderId, Instant.EPOCH).stream()
                .filter(n -> n.week().compareTo(week.minus(QUARTER_WEEKS - 1)) >= 0
                        && n.week().compareTo(week) <= 0)
                .toList();
        List<NudgeDecision> quarter =
                decisions.ofLeader(team.id(), leaderId, firstDecisionWeek(week), lastDecisionWeek(week));
        if (nudges.isEmpty() && quarter.isEmpty()) {
            return Optional.empty();
        }
        Language lang = team.language();
        String title = texts.get(lang, "quarter.title");
        List<Block> blocks = new java.util.ArrayList<>();
        blocks.add(new Block.Header(title));
        long tried = nudges.stream()
                .filter(n -> n.reaction().equals(Optional.of(SentNudge.Reaction.TRIED)))
                .count();
        blocks.add(new Block.Text(
                nudges.isEmpty()
                        ? texts.get(lang, "quarter.counts.none")
                        : texts.get(lang, "quarter.counts", nudges.size(), tried)));
        List<RandomisedEffect.Observation> observations = observations(quarter, history);
        RandomisedEffect.Counts counts = RandomisedEffect.counts(observations);
        blocks.add(new Block.Text(texts.get(
                lang,
                "quarter.design",
                counts.sent() + counts.missingSent(),
                counts.withheld() + counts.missingWithheld(),
                counts.missingSent() + counts.missingWithheld())));
        Optional<RandomisedEffect.Estimate> estimate =
                RandomisedEffect.estimateForOneLeader(observations, MIN_EACH, ALPHA);
        if (estimate.isPresent()) {
            RandomisedEffect.Estimate e = estimate.get();
            blocks.add(new Block.Text(texts.get(
                    lang,
                    "quarter.effect",
                    TextFormats.change(lang, e.effect()),
                    TextFormats.score(lang, e.margin()))));
            String reading = e.higher()
                    ? "quarter.effect.higher"
                    : e.lower() ? "quarter.effect.lower" : "quarter.effect.unclear";
            blocks.add(new Block.Text(texts.get(lang, reading)));
            blocks.add(new Block.Context(texts.get(lang, "quarter.method", Math.round(100 * (1 - ALPHA)))));
        } else {
            blocks.add(new Block.Text(texts.get(lang, "quarter.tooFew", MIN_EACH, counts.sent(), counts.withheld())));
            blocks.add(new Block.Text(texts.get(lang, "review.reflect")));
        }
        return Optional.of(new ChatMessage(title, blocks));
    }
}
