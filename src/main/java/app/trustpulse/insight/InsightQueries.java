package app.trustpulse.insight;

import app.trustpulse.pulse.WeekId;
import java.util.List;

/** Read-only queries the dashboard needs beyond the engine's repositories. */
public interface InsightQueries {

    /** Closed weeks of a team in [from, to), oldest first, as stored at their close. */
    List<PublishedWeek> closedWeeks(long teamId, WeekId from, WeekId toExclusive);

    /** Feedback released to the leaders in [from, to), by the week of its release, newest first. */
    List<ReleasedFeedback> releasedFeedback(long teamId, WeekId from, WeekId toExclusive);

    record ReleasedFeedback(WeekId releasedIn, String text) {}
}
