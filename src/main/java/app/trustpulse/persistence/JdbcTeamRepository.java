package app.trustpulse.persistence;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TeamSchedule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Teams in table {@code team}. Days are stored as comma-separated day names ("MONDAY,FRIDAY", possibly empty),
 * times as ISO local times ("09:30"), the reminder delay in minutes (NULL when off).
 * A second team on the same (platform, workspace, channel) is refused with a DuplicateKeyException.
 */
final class JdbcTeamRepository implements TeamRepository {

    private static final String SELECT = """
            SELECT id, platform, workspace_id, channel_id, name, timezone, language, threshold,
                   checkin_days, checkin_time, summary_day, summary_time, nudge_days, nudge_time,
                   reminder_minutes, paused
              FROM team
            """;

    private final JdbcClient jdbc;

    JdbcTeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Team insert(Team team) {
        long id = SqlSupport.insertReturningId(bind(jdbc.sql("""
                INSERT INTO team (platform, workspace_id, channel_id, name, timezone, language, threshold,
                                  checkin_days, checkin_time, summary_day, summary_time, nudge_days, nudge_time,
                                  reminder_minutes, paused)
                VALUES (:platform, :workspaceId, :channelId, :name, :timezone, :language, :threshold,
                        :checkinDays, :checkinTime, :summaryDay, :summaryTime, :nudgeDays, :nudgeTime,
                        :reminderMinutes, :paused)
                """), team));
        return new Team(
                id,
                team.platform(),
                team.workspaceId(),
                team.channelId(),
                team.name(),
                team.timezone(),
                team.language(),
                team.threshold(),
                team.schedule(),
                team.paused());
    }

    /** The other tables refer to the team with ON DELETE CASCADE, so one statement removes it all. */
    @Override
    public void delete(long id) {
        jdbc.sql("DELETE FROM team WHERE id = :id").param("id", id).update();
    }

    @Override
    public void update(Team team) {
        bind(jdbc.sql("""
                UPDATE team
                   SET platform = :platform, workspace_id = :workspaceId, channel_id = :channelId, name = :name,
                       timezone = :timezone, language = :language, threshold = :threshold,
                       checkin_days = :checkinDays, checkin_time = :checkinTime,
                       summary_day = :summaryDay, summary_time = :summaryTime,
                       nudge_days = :nudgeDays, nudge_time = :nudgeTime,
                       reminder_minutes = :reminderMinutes, paused = :paused
                 WHERE id = :id
                """), team).param("id", team.id()).update();
    }

    @Override
    public Optional<Team> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(JdbcTeamRepository::map)
                .optional();
    }

    @Override
    public Optional<Team> findByChannel(Platform platform, String workspaceId, String channelId) {
        return jdbc.sql(SELECT
                        + " WHERE platform = :platform AND workspace_id = :workspaceId AND channel_id = :channelId")
                .param("platform", platform.name())
                .param("workspaceId", workspaceId)
                .param("channelId", channelId)
                .query(JdbcTeamRepository::map)
                .optional();
    }

    @Override
    public List<Team> findByWorkspace(Platform platform, String workspaceId) {
        return jdbc.sql(SELECT + " WHERE platform = :platform AND workspace_id = :workspaceId ORDER BY id")
                .param("platform", platform.name())
                .param("workspaceId", workspaceId)
                .query(JdbcTeamRepository::map)
                .list();
    }

    @Override
    public List<Team> all() {
        return jdbc.sql(SELECT + " ORDER BY id").query(JdbcTeamRepository::map).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Team team) {
        TeamSchedule s = team.schedule();
        return spec.param("platform", team.platform().name())
                .param("workspaceId", team.workspaceId())
                .param("channelId", team.channelId())
                .param("name", team.name())
                .param("timezone", team.timezone().getId())
                .param("language", team.language().name())
                .param("threshold", team.threshold())
                .param("checkinDays", days(s.checkInDays()))
                .param("checkinTime", s.checkInTime().toString())
                .param("summaryDay", s.summaryDay().name())
                .param("summaryTime", s.summaryTime().toString())
                .param("nudgeDays", days(s.nudgeDays()))
                .param("nudgeTime", s.nudgeTime().toString())
                .param(
                        "reminderMinutes",
                        s.reminderDelay()
                                .map(Duration::toMinutes)
                                .map(Long::intValue)
                                .orElse(null))
                .param("paused", team.paused());
    }

    private static Team map(ResultSet rs, int row) throws SQLException {
        Integer reminder = rs.getObject("reminder_minutes", Integer.class);
        TeamSchedule schedule = new TeamSchedule(
                days(rs.getString("checkin_days")),
                LocalTime.parse(rs.getString("checkin_time")),
                DayOfWeek.valueOf(rs.getString("summary_day")),
                LocalTime.parse(rs.getString("summary_time")),
                days(rs.getString("nudge_days")),
                LocalTime.parse(rs.getString("nudge_time")),
                Optional.ofNullable(reminder).map(Duration::ofMinutes));
        return new Team(
                rs.getLong("id"),
                Platform.valueOf(rs.getString("platform")),
                rs.getString("workspace_id"),
                rs.getString("channel_id"),
                rs.getString("name"),
                ZoneId.of(rs.getString("timezone")),
                Language.valueOf(rs.getString("language")),
                rs.getInt("threshold"),
                schedule,
                rs.getBoolean("paused"));
    }

    private static String days(Set<DayOfWeek> days) {
        return days.stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    private static TreeSet<DayOfWeek> days(String text) {
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
