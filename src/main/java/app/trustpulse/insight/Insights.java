package app.trustpulse.insight;

import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TrustInLeaderPool;
import java.util.List;
import java.util.Optional;

/**
 * What the dashboard does, by the same rules as the chat: the teams a viewer may open, one team's page, an admin's
 * overview, the exports, and an admin's changes to a team's settings, carried out as the commands they stand for. A
 * viewer who may not see a team, or may not do this to it, gets {@link NotAllowed}.
 */
public final class Insights {

    /** The ranges of weeks a team's page offers, and the one it shows first. */
    public static final List<Integer> RANGES = ReadingInsights.RANGES;

    public static final int DEFAULT_RANGE = ReadingInsights.DEFAULT_RANGE;

    /** A team of an admin's overview, with its latest closed week under its own threshold. */
    public record OverviewRow(Team team, Optional<PublishedWeek> latest) {}

    /** One changed setting, as the command words the chat would take ("threshold 5"). */
    public record SettingChange(String commandText) {}

    /** What each command answered, in the team's language: the confirmation or what was wrong. */
    public record SettingsOutcome(List<String> replies) {
        public SettingsOutcome {
            replies = List.copyOf(replies);
        }
    }

    private final ReadingInsights reading;
    private final Optional<EditingTeamSettings> editing;

    Insights(ReadingInsights reading, Optional<EditingTeamSettings> editing) {
        this.reading = reading;
        this.editing = editing;
    }

    /** The teams a viewer may open: their own, and for an admin every team of their platform. */
    public List<TeamAccess> teamsOf(Viewer viewer) {
        return reading.teamsOf(viewer);
    }

    /** The viewer's standing in a team. */
    public TeamAccess access(Viewer viewer, long teamId) {
        return reading.access(viewer, teamId);
    }

    /** One team's page for the viewer over {@code range} weeks (one of {@link #RANGES}). */
    public TeamView team(Viewer viewer, long teamId, int range) {
        return reading.team(viewer, teamId, range);
    }

    /** Every team of an admin's platform with its latest closed week; admins only. */
    public List<OverviewRow> overview(Viewer viewer) {
        return reading.overview(viewer);
    }

    /** The published aggregates of a team's closed weeks in the range, for export; never a person's answer. */
    public List<PublishedWeek> export(Viewer viewer, long teamId, int range) {
        return reading.export(viewer, teamId, range);
    }

    /** Trust in the rated leader per complete block of four weeks in the range, for export, as the page shows it. */
    public List<TrustInLeaderPool.Pooled> exportTrustInLeader(Viewer viewer, long teamId, int range) {
        return reading.exportTrustInLeader(viewer, teamId, range);
    }

    /** An admin's changes to a team's settings, each run as its command; admins only. */
    public SettingsOutcome changeSettings(Viewer viewer, long teamId, List<SettingChange> changes) {
        return editing.orElseThrow(() -> new NotAllowed("settings are not changed here"))
                .apply(viewer, teamId, changes);
    }
}
