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

/** The leader's monthly look back: nudges tried, and what changed after them, with honest caveats. */
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
        return closeDate.getDayOfMonth() <= 7 && closeDate.getDayOfWeek() == team.schedule().summaryDay();
    }

    public Optional<ChatMessage> review(Team team, String leaderId, WeekId week, Map<WeekId, Map<Dimension, Double>> history) {
        List<SentNudge> nudges = nudgeLog.ofLeader(team.id(), leaderId, Instant.EPOCH);
        if (nudges.isEmpty()) {
            return Optional.empty();
        }
        NudgeReview.Review r = review.review(nudges, history, week.minus(PERIOD_WEEKS - 1), week);
        Language lang = team.language();
        List<Block> blocks = new ArrayList<>();
        String title = texts.get(lang, "review.title");
        blocks.add(new Block.Header(title));
        blocks.add(new Block.Text(texts.get(lang, "review.counts", r.sent(), r.tried())));
        List<Block.ScoreRow> rows = new ArrayList<>();
        boolean anyTooFew = false;
        for (NudgeReview.Effect e : r.effects()) {
            if (e.triedWeeks() == 0) {
                continue;
            }
            anyTooFew |= e.tooFew();
            rows.add(new Block.ScoreRow(texts.dimensionName(lang, e.dimension()),
                    texts.get(lang, "review.after", TextFormats.change(lang, e.afterTried().getAsDouble()), e.triedWeeks()),
                    e.otherwise().isPresent()
                            ? texts.get(lang, "review.otherwise", TextFormats.change(lang, e.otherwise().getAsDouble()), e.otherWeeks())
                            : texts.get(lang, "review.otherwise.none"),
                    "", e.tooFew() ? texts.get(lang, "review.tooFew.short") : ""));
        }
        if (rows.isEmpty()) {
            blocks.add(new Block.Text(texts.get(lang, "review.nothingTried")));
        } else {
            blocks.add(new Block.Text(texts.get(lang, "review.explain")));
            blocks.add(new Block.ScoreTable(rows, List.of(texts.get(lang, "table.review.after"),
                    texts.get(lang, "table.review.otherwise"), "", texts.get(lang, "table.review.note"))));
            if (anyTooFew) {
                blocks.add(new Block.Context(texts.get(lang, "review.tooFew", NudgeReview.MEANINGFUL_WEEKS)));
            }
        }
        return Optional.of(new ChatMessage(title, blocks));
    }
}
