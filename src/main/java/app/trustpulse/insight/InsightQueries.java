package app.trustpulse.insight;

import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only queries the dashboard needs beyond the engine's repositories. */
public interface InsightQueries {

    /** Closed weeks of a team in [from, to), oldest first, as stored at their close. */
    List<PublishedWeek> closedWeeks(long teamId, WeekId from, WeekId toExclusive);

    /**
     * The threshold each closed week in [from, to) was published under, by week; a week stored without one is left
     * out.
     */
    Map<WeekId, Integer> thresholdsAtClose(long teamId, WeekId from, WeekId toExclusive);

    /**
     * Feedback released to the leaders in [from, to), by the week of its release, newest first, each with its
     * conversation once a leader opened one in the channel.
     */
    List<ReleasedFeedback> releasedFeedback(long teamId, WeekId from, WeekId toExclusive);

    record ReleasedFeedback(WeekId releasedIn, String text, Optional<Conversation> conversation) {

        public ReleasedFeedback withText(String shown) {
            return new ReleasedFeedback(releasedIn, shown, conversation);
        }
    }

    /**
     * A released feedback's conversation as leaders may see it: until when the writer may answer, or that it closed,
     * and the lines posted under it in the team's channel (the leaders' answers by name, the writer's replies as "the
     * writer"). Nothing of who wrote, or of whether they read what was said.
     */
    record Conversation(Instant closesAt, boolean closed, List<String> replies) {

        public Conversation {
            replies = List.copyOf(replies);
        }

        public boolean openAt(Instant now) {
            return !closed && now.isBefore(closesAt);
        }
    }
}
