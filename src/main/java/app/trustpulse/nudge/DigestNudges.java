package app.trustpulse.nudge;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the week close uses of nudges: the signals of a pulse, the nudges of a leader's digest under the week's
 * randomised decision, their blocks, the team's reflection question and the quarterly review. The module's facade for
 * the summary; how nudges are chosen, drawn and reviewed stays inside.
 */
public final class DigestNudges {

    private final NudgeSelector selector;
    private final NudgeCatalog catalog;
    private final NudgeMessages messages;
    private final QuarterlyReviews reviews;
    private final Optional<NudgeTrial> trial;

    DigestNudges(
            NudgeSelector selector,
            NudgeCatalog catalog,
            NudgeMessages messages,
            QuarterlyReviews reviews,
            Optional<NudgeTrial> trial) {
        this.selector = selector;
        this.catalog = catalog;
        this.messages = messages;
        this.reviews = reviews;
        this.trial = trial;
    }

    /** What the pulse and the leader's self-check say (see {@link NudgeSelector#signals}). */
    public NudgeSelector.Signals signals(
            Optional<WeeklyPulse> pulse,
            Map<WeekId, Map<Dimension, PublishedScore>> earlier,
            Map<Dimension, Integer> selfCheck) {
        return selector.signals(pulse, earlier, selfCheck);
    }

    /** Gaps between the leader's self-check and the team's view, widest first. */
    public List<NudgeSelector.Gap> gaps(WeeklyPulse pulse, Map<Dimension, Integer> selfCheck) {
        return selector.gaps(pulse, selfCheck);
    }

    /**
     * A leader's nudges from the pulse of {@code week}, under the week's randomised decision when nudges are
     * randomised (see {@link NudgeTrial#choose}).
     */
    public NudgeTrial.Choice choose(
            long teamId,
            String leaderId,
            WeekId week,
            Language language,
            NudgeSelector.Signals signals,
            Set<String> recentlySent,
            int max,
            long rotation) {
        if (trial.isPresent()) {
            return trial.get().choose(selector, teamId, leaderId, week, language, signals, recentlySent, max, rotation);
        }
        return new NudgeTrial.Choice(selector.choose(language, signals, recentlySent, max, rotation), Optional.empty());
    }

    public Optional<Nudge> find(Language language, String nudgeId) {
        return catalog.find(language, nudgeId);
    }

    /** A nudge with its why and its buttons. */
    public List<Block> nudgeBlocks(Language language, NudgeSelector.Pick pick, long sentId) {
        return messages.nudgeBlocks(language, pick, sentId);
    }

    /** An earlier nudge the leader has not reacted to, to react to now. */
    public Optional<List<Block>> earlierNudge(Language language, SentNudge sent) {
        return messages.earlierNudge(language, sent);
    }

    /** The team's reflection question for the pulse. */
    public Optional<Nudge> reflectionQuestion(Language language, WeeklyPulse pulse) {
        return selector.reflectionQuestion(language, pulse);
    }

    /** Whether a week closing on {@code closeDate} brings the leaders their quarterly review. */
    public boolean reviewDue(Team team, LocalDate closeDate) {
        return QuarterlyReviews.isDue(team, closeDate);
    }

    /** The leader's quarterly review (see {@link QuarterlyReviews#review}). */
    public Optional<ChatMessage> quarterlyReview(
            Team team, String leaderId, WeekId week, Map<WeekId, Map<Dimension, Double>> history) {
        return reviews.review(team, leaderId, week, history);
    }
}
