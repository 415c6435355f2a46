package app.trustpulse.insight;

import app.trustpulse.nudge.SentNudge;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.OpenWeekParticipation;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.WeekId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One team's page for one viewer. Published weeks obey the team's threshold; own answers are the viewer's
 * alone; the leader part is there only for a leader of the team, participation of the open week only for a
 * leader or an admin. {@code range} is the number of weeks asked for; {@code weeks} are those shown of it, from the
 * team's first closed week on. {@code alarm} holds the dimensions of the latest closed week that the leaders' digest
 * called a possible disruption, for a leader or an admin only. {@code trustInLeader} is trust in the rated leader as
 * the channel's pulse carried it, over fixed blocks of four weeks, for everyone who may see the team, as the pulse is.
 */
public record TeamView(
        TeamAccess access,
        WeekId currentWeek,
        int range,
        List<WeekId> weeks,
        List<PublishedWeek> published,
        List<Answer> ownAnswers,
        Optional<OpenWeek> openWeek,
        Optional<LeaderPart> leader,
        List<Dimension> alarm,
        TrustInLeader trustInLeader) {

    public TeamView {
        alarm = List.copyOf(alarm);
        weeks = List.copyOf(weeks);
        published = List.copyOf(published);
        ownAnswers = List.copyOf(ownAnswers);
    }

    public Optional<PublishedWeek> latest() {
        return published.isEmpty() ? Optional.empty() : Optional.of(published.get(published.size() - 1));
    }

    public Optional<PublishedWeek> week(WeekId week) {
        return published.stream().filter(p -> p.week().equals(week)).findFirst();
    }

    /**
     * Trust in the rated leader: the pool the latest closed week's pulse carried (the latest complete block of four
     * weeks), and the pool of each complete block whose last week is among the weeks shown, oldest first. A withheld
     * pool has no mean and no count.
     */
    public record TrustInLeader(Optional<TrustInLeaderPool.Pooled> latest, List<TrustInLeaderPool.Pooled> blocks) {

        public static final TrustInLeader NONE = new TrustInLeader(Optional.empty(), List.of());

        public TrustInLeader {
            blocks = List.copyOf(blocks);
        }
    }

    /** Participation of the week still open, in bands only (as /pulse status tells it), with the team's threshold. */
    public record OpenWeek(WeekId week, OpenWeekParticipation band, int threshold) {}

    public record LeaderPart(
            List<SelfCheckRow> selfCheck,
            List<SentNudge> nudges,
            int tried,
            int notYet,
            int noReaction,
            List<MonthlyReview> reviews,
            List<InsightQueries.ReleasedFeedback> feedback,
            List<WeekComments> comments) {
        public LeaderPart {
            comments = List.copyOf(comments);
            selfCheck = List.copyOf(selfCheck);
            nudges = List.copyOf(nudges);
            reviews = List.copyOf(reviews);
            feedback = List.copyOf(feedback);
        }
    }

    /** The comments a closed week released to its leaders, names removed, in the random order kept at the close. */
    public record WeekComments(WeekId week, List<String> comments) {
        public WeekComments {
            comments = List.copyOf(comments);
        }
    }

    /** The leader's own self-check of a week beside the team's published mean of that week. */
    public record SelfCheckRow(Dimension dimension, WeekId week, int self, OptionalDouble team) {}

    /**
     * Four weeks of nudges: how many were sent and tried (counts only: what worked is the randomised quarterly review's
     * to say).
     */
    public record MonthlyReview(WeekId from, WeekId to, int sent, int tried) {}
}
