package app.trustpulse.insight;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.command.CommandContext;
import app.trustpulse.command.RunningCommands;
import app.trustpulse.pulse.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An admin's changes to a team's settings, carried out as the slash commands they stand for ("threshold 5",
 * "schedule checkins mon,wed 09:30", ...), so the dashboard checks and applies them exactly as the chat does.
 */
final class EditingTeamSettings {

    private final ReadingInsights insights;
    private final RunningCommands commands;

    EditingTeamSettings(ReadingInsights insights, RunningCommands commands) {
        this.insights = insights;
        this.commands = commands;
    }

    Insights.SettingsOutcome apply(Viewer viewer, long teamId, List<Insights.SettingChange> changes) {
        TeamAccess access = insights.access(viewer, teamId);
        if (!access.admin()) {
            throw new NotAllowed("admins only");
        }
        Team team = access.team();
        CommandContext ctx = new CommandContext(
                team.platform(),
                team.workspaceId(),
                viewer.userId(),
                viewer.displayName(),
                true,
                Optional.of(team.channelId()));
        List<String> replies = new ArrayList<>();
        for (Insights.SettingChange c : changes) {
            replies.add(plain(commands.run(ctx, c.commandText())));
        }
        return new Insights.SettingsOutcome(replies);
    }

    private static String plain(ChatMessage m) {
        return m.blocks().stream()
                .map(b -> b instanceof Block.Text t ? t.text() : b instanceof Block.Header h ? h.text() : "")
                .filter(s -> !s.isBlank())
                .collect(Collectors.joining("\n"))
                .replace("*", "");
    }
}
