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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leader's monthly look back: nudges tried, and what changed after them against nudges chosen the same
 * way but not tried (see {@link NudgeReview}), with its margin; where the weeks are too few for a number, a
 * question to reflect on instead.
 */
public final class MonthlyReviews {

    /** The review covers the nudges of the last four weeks and the score history of half a year. */
    public static final int PERIOD_WEEKS = 4;

    public static final int HISTORY_WEEKS = 26;

    private final NudgeLog nudgeLog;
    private final NudgeReview review = new NudgeReview();
    private final Texts texts;

    public MonthlyReviews(NudgeLog nudgeLog, Texts texts) {
        this.nudgeLog = nudgeLog;
        this.texts = texts;
    }

    /** A review goes out with the first regular week close of each month. */
    public static boolean isDue(Team team, LocalDate closeDate) {
        return closeDate.getDayOfMonth() <= 7
                && closeDate.getDayOfWeek() == team.schedule().summaryDay();
    }

    public Optional<ChatMessage> review(
            Team team, String leaderId, WeekId week, Map<WeekId, Map<Dimension, Double>> history) {
        List<SentNudge> nudges = nudgeLog.ofLeader(team.id(), leaderId, Instant.EPOCH);
        if (nudges.isEmpty()) {
            return Optional.empty();
        }
        NudgeReview.Review r = review.review(nudges, history, week.minus(PERIOD_WEEKS - 1), week);
        Language lang = team.language();
        List<Block> blocks = new ArrayList<>();
        String title = texts.get(lang, "review.title");
        blocks.add(new Block.Header(title));
        if (r.sent() == 0) {
            blocks.add(new Block.Text(texts.get(lang, "review.counts.none")));
        } else {
            blocks.add(new Block.Text(texts.get(lang, "review.counts", r.sent(), r.tried())));
            blocks.add(new Block.Text(texts.get(
                    lang,
                    "review.weeks",
                    r.weeks().tried(),
                    r.weeks().untried(),
                    r.weeks().none())));
        }
        boolean everTried = nudges.stream().anyMatch(n -> n.reaction().equals(Optional.of(SentNudge.Reaction.TRIED)));
        if (!everTried) {
            blocks.add(new Block.Text(texts.get(lang, "review.nothingTried")));
        } else if (r.estimate().isPresent()) {
            NudgeReview.Estimate e = r.estimate().get();
            blocks.add(new Block.Text(texts.get(
                    lang,
                    "review.effect",
                    TextFormats.change(lang, e.triedChange()),
                    e.triedEpisodes(),
                    TextFormats.change(lang, e.otherChange()),
                    e.otherEpisodes(),
                    TextFormats.difference(lang, e.triedChange(), e.otherChange()),
                    TextFormats.score(lang, e.margin()))));
            String reading = Math.abs(e.effect()) <= e.margin()
                    ? "review.effect.unclear"
                    : e.effect() > 0 ? "review.effect.higher" : "review.effect.lower";
            blocks.add(new Block.Text(texts.get(lang, reading)));
            blocks.add(new Block.Context(texts.get(lang, "review.method")));
        } else {
            blocks.add(new Block.Text(
                    texts.get(lang, "review.tooFew", r.triedEpisodes(), r.otherEpisodes(), NudgeReview.MIN_EPISODES)));
            blocks.add(new Block.Text(texts.get(lang, "review.reflect")));
        }
        return Optional.of(new ChatMessage(title, blocks));
    }
}
