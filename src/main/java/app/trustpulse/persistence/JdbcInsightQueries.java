package app.trustpulse.persistence;

import app.trustpulse.insight.Cell;
import app.trustpulse.insight.InsightQueries;
import app.trustpulse.insight.PublishedWeek;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's reads: closed weeks with their dimensions in two queries, the thresholds they were published under,
 * released feedback.
 */
final class JdbcInsightQueries implements InsightQueries {

    private final JdbcClient jdbc;
    /** Released feedback is sealed like any other: read through the repository that opens it. */
    private final JdbcFeedbackRepository feedback;
    /** What was said in a feedback's thread is sealed too. */
    private final JdbcFeedbackThreads threads;

    JdbcInsightQueries(JdbcClient jdbc, JdbcFeedbackRepository feedback, JdbcFeedbackThreads threads) {
        this.jdbc = jdbc;
        this.feedback = feedback;
        this.threads = threads;
    }

    @Override
    public List<PublishedWeek> closedWeeks(long teamId, WeekId from, WeekId toExclusive) {
        record Header(int asked, int answered, boolean withheld) {}
        Map<WeekId, Header> headers = new TreeMap<>();
        jdbc.sql("""
                        SELECT week, asked, answered, withheld
                          FROM weekly_pulse
                         WHERE team_id = :teamId AND week >= :from AND week < :to AND asked IS NOT NULL
                        """)
                .param("teamId", teamId)
                .param("from", from.toString())
                .param("to", toExclusive.toString())
                .query(rs -> {
                    headers.put(
                            WeekId.parse(rs.getString("week")),
                            new Header(rs.getInt("asked"), rs.getInt("answered"), rs.getBoolean("withheld")));
                });
        Map<WeekId, Map<Dimension, Cell>> cells = new TreeMap<>();
        jdbc.sql("""
                        SELECT week, dimension, mean, answers
                          FROM weekly_pulse_dimension
                         WHERE team_id = :teamId AND week >= :from AND week < :to
                        """)
                .param("teamId", teamId)
                .param("from", from.toString())
                .param("to", toExclusive.toString())
                .query(rs -> {
                    double mean = rs.getDouble("mean");
                    OptionalDouble m = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(mean);
                    cells.computeIfAbsent(WeekId.parse(rs.getString("week")), w -> new EnumMap<>(Dimension.class))
                            .put(Dimension.valueOf(rs.getString("dimension")), new Cell(m, rs.getInt("answers")));
                });
        List<PublishedWeek> weeks = new ArrayList<>();
        headers.forEach((week, h) -> weeks.add(
                new PublishedWeek(week, h.asked(), h.answered(), h.withheld(), cells.getOrDefault(week, Map.of()))));
        return weeks;
    }

    @Override
    public Map<WeekId, Integer> thresholdsAtClose(long teamId, WeekId from, WeekId toExclusive) {
        Map<WeekId, Integer> thresholds = new TreeMap<>();
        jdbc.sql("""
                        SELECT week, threshold
                          FROM weekly_pulse
                         WHERE team_id = :teamId AND week >= :from AND week < :to
                           AND asked IS NOT NULL AND threshold IS NOT NULL
                        """)
                .param("teamId", teamId)
                .param("from", from.toString())
                .param("to", toExclusive.toString())
                .query(rs -> {
                    thresholds.put(WeekId.parse(rs.getString("week")), rs.getInt("threshold"));
                });
        return thresholds;
    }

    @Override
    public List<ReleasedFeedback> releasedFeedback(long teamId, WeekId from, WeekId toExclusive) {
        return feedback.releasedBetween(teamId, from, toExclusive).stream()
                .map(f -> new ReleasedFeedback(f.releasedIn().orElseThrow(), f.text(), conversation(teamId, f.id())))
                .toList();
    }

    /** A thread counts once its quote is in the channel; one still being posted is no conversation yet. */
    private Optional<InsightQueries.Conversation> conversation(long teamId, long feedbackId) {
        return jdbc.sql("""
                        SELECT id, closes_at, closed FROM feedback_thread
                         WHERE team_id = :teamId AND feedback_id = :feedbackId AND post_ref IS NOT NULL
                        """)
                .param("teamId", teamId)
                .param("feedbackId", feedbackId)
                .query((rs, row) -> new InsightQueries.Conversation(
                        SqlSupport.instant(rs, "closes_at"),
                        rs.getBoolean("closed"),
                        threads.replies(rs.getLong("id"))))
                .optional();
    }
}
