package app.trustpulse.persistence;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.DimensionScore;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closed weeks in table {@code weekly_pulse} (one row per team and week, claimed at close, filled in by
 * {@link #save}) and their dimensions in {@code weekly_pulse_dimension}, means unrounded,
 * each with its spread (NULL when withheld).
 * The trend is not stored: it is rebuilt from the published means of the weeks before.
 */
final class JdbcPulseRepository implements PulseRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JdbcPulseRepository(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void exclusively(long teamId, WeekId week, Runnable storing) {
        transactions.executeWithoutResult(status -> {
            // The claimed row is the lock; the queries in storing share this transaction's connection.
            jdbc.sql("SELECT week FROM weekly_pulse WHERE team_id = :teamId AND week = :week FOR UPDATE")
                    .param("teamId", teamId)
                    .param("week", week.toString())
                    .query(String.class)
                    .list();
            storing.run();
        });
    }

    @Override
    public boolean claimClose(long teamId, WeekId week, Instant at) {
        return jdbc.sql(
                                "INSERT INTO weekly_pulse (team_id, week, closed_at) VALUES (:teamId, :week, :at) ON CONFLICT DO NOTHING")
                        .param("teamId", teamId)
                        .param("week", week.toString())
                        .param("at", SqlSupport.utc(at))
                        .update()
                == 1;
    }

    @Override
    public boolean isClosed(long teamId, WeekId week) {
        return jdbc.sql("SELECT COUNT(*) FROM weekly_pulse WHERE team_id = :teamId AND week = :week")
                        .param("teamId", teamId)
                        .param("week", week.toString())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Stores the pulse; a week that was not claimed is closed now. */
    @Override
    public void save(WeeklyPulse pulse) {
        SqlSupport.updateOrInsert(
                () -> bind(jdbc.sql("""
                        UPDATE weekly_pulse
                           SET asked = :asked, answered = :answered, threshold = :threshold, withheld = :withheld,
                               strongest = :strongest, weakest = :weakest
                         WHERE team_id = :teamId AND week = :week
                        """), pulse).update(),
                () -> bind(jdbc.sql("""
                        INSERT INTO weekly_pulse (team_id, week, closed_at, asked, answered, threshold, withheld,
                                                  strongest, weakest)
                        VALUES (:teamId, :week, CURRENT_TIMESTAMP, :asked, :answered, :threshold, :withheld,
                                :strongest, :weakest)
                        ON CONFLICT DO NOTHING
                        """), pulse).update());
        for (DimensionScore d : pulse.dimensions()) {
            SqlSupport.updateOrInsert(
                    () -> bind(jdbc.sql("""
                            UPDATE weekly_pulse_dimension
                               SET mean = :mean, answers = :answers, spread = :spread, change_value = :change
                             WHERE team_id = :teamId AND week = :week AND dimension = :dimension
                            """), pulse, d).update(),
                    () -> bind(jdbc.sql("""
                            INSERT INTO weekly_pulse_dimension (team_id, week, dimension, mean, answers,
                                spread, change_value)
                            VALUES (:teamId, :week, :dimension, :mean, :answers, :spread, :change)
                            ON CONFLICT DO NOTHING
                            """), pulse, d).update());
        }
        List<String> kept =
                pulse.dimensions().stream().map(d -> d.dimension().name()).toList();
        jdbc.sql("DELETE FROM weekly_pulse_dimension WHERE team_id = :teamId AND week = :week"
                        + (kept.isEmpty() ? "" : " AND dimension NOT IN (:kept)"))
                .param("teamId", pulse.teamId())
                .param("week", pulse.week().toString())
                .param("kept", kept)
                .update();
    }

    /** Keeps the moment of the first post. */
    @Override
    public void markPosted(long teamId, WeekId week, Instant at) {
        jdbc.sql(
                        "UPDATE weekly_pulse SET posted_at = :at WHERE team_id = :teamId AND week = :week AND posted_at IS NULL")
                .param("teamId", teamId)
                .param("week", week.toString())
                .param("at", SqlSupport.utc(at))
                .update();
    }

    /** The saved pulse of the week; empty while the week is only claimed. */
    @Override
    public Optional<WeeklyPulse> find(long teamId, WeekId week) {
        Optional<Header> header = jdbc.sql("""
                        SELECT asked, answered, threshold, withheld, strongest, weakest
                          FROM weekly_pulse
                         WHERE team_id = :teamId AND week = :week AND asked IS NOT NULL
                        """)
                .param("teamId", teamId)
                .param("week", week.toString())
                .query(JdbcPulseRepository::header)
                .optional();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Map<WeekId, Map<Dimension, Double>> history =
                history(teamId, week.minus(PulseCalculator.TREND_WEEKS - 1), week);
        List<DimensionScore> dimensions = new ArrayList<>(jdbc.sql("""
                        SELECT dimension, mean, answers, spread, change_value
                          FROM weekly_pulse_dimension
                         WHERE team_id = :teamId AND week = :week
                        """)
                .param("teamId", teamId)
                .param("week", week.toString())
                .query((rs, row) -> dimension(rs, week, history))
                .list());
        dimensions.sort(Comparator.comparing(DimensionScore::dimension));
        Header h = header.get();
        return Optional.of(new WeeklyPulse(
                teamId, week, h.asked, h.answered, h.threshold, h.withheld, dimensions, h.strongest, h.weakest));
    }

    /** The saved pulse of the most recent week. */
    @Override
    public Optional<WeeklyPulse> latest(long teamId) {
        return jdbc.sql("""
                        SELECT week FROM weekly_pulse
                         WHERE team_id = :teamId AND asked IS NOT NULL
                         ORDER BY week DESC
                         LIMIT 1
                        """)
                .param("teamId", teamId)
                .query(String.class)
                .optional()
                .flatMap(week -> find(teamId, WeekId.parse(week)));
    }

    @Override
    public Map<WeekId, Map<Dimension, Double>> history(long teamId, WeekId from, WeekId toExclusive) {
        Map<WeekId, Map<Dimension, Double>> history = new TreeMap<>();
        jdbc.sql("""
                        SELECT week, dimension, mean
                          FROM weekly_pulse_dimension
                         WHERE team_id = :teamId AND week >= :from AND week < :to AND mean IS NOT NULL
                        """)
                .param("teamId", teamId)
                .param("from", from.toString())
                .param("to", toExclusive.toString())
                .query(rs -> {
                    history.computeIfAbsent(WeekId.parse(rs.getString("week")), w -> new EnumMap<>(Dimension.class))
                            .put(Dimension.valueOf(rs.getString("dimension")), rs.getDouble("mean"));
                });
        return history;
    }

    @Override
    public Map<WeekId, Map<Dimension, PublishedScore>> publishedScores(long teamId, WeekId from, WeekId toExclusive) {
        Map<WeekId, Map<Dimension, PublishedScore>> scores = new TreeMap<>();
        jdbc.sql("""
                        SELECT week, dimension, mean, answers, spread
                          FROM weekly_pulse_dimension
                         WHERE team_id = :teamId AND week >= :from AND week < :to AND mean IS NOT NULL
                        """)
                .param("teamId", teamId)
                .param("from", from.toString())
                .param("to", toExclusive.toString())
                .query(rs -> {
                    scores.computeIfAbsent(WeekId.parse(rs.getString("week")), w -> new EnumMap<>(Dimension.class))
                            .put(
                                    Dimension.valueOf(rs.getString("dimension")),
                                    new PublishedScore(
                                            rs.getDouble("mean"), rs.getInt("answers"), optionalDouble(rs, "spread")));
                });
        return scores;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, WeeklyPulse p) {
        return spec.param("teamId", p.teamId())
                .param("week", p.week().toString())
                .param("asked", p.asked())
                .param("answered", p.answered())
                .param("threshold", p.threshold())
                .param("withheld", p.withheld())
                .param("strongest", p.strongest().map(Dimension::name).orElse(null))
                .param("weakest", p.weakest().map(Dimension::name).orElse(null));
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, WeeklyPulse p, DimensionScore d) {
        return spec.param("teamId", p.teamId())
                .param("week", p.week().toString())
                .param("dimension", d.dimension().name())
                .param("mean", d.mean().isPresent() ? d.mean().getAsDouble() : null)
                .param("answers", d.answers())
                .param("spread", d.spread().isPresent() ? d.spread().getAsDouble() : null)
                .param("change", d.change().isPresent() ? d.change().getAsDouble() : null);
    }

    private record Header(
            int asked,
            int answered,
            int threshold,
            boolean withheld,
            Optional<Dimension> strongest,
            Optional<Dimension> weakest) {}

    private static Header header(ResultSet rs, int row) throws SQLException {
        return new Header(
                rs.getInt("asked"),
                rs.getInt("answered"),
                rs.getInt("threshold"),
                rs.getBoolean("withheld"),
                Optional.ofNullable(rs.getString("strongest")).map(Dimension::valueOf),
                Optional.ofNullable(rs.getString("weakest")).map(Dimension::valueOf));
    }

    /** A stored dimension, with its trend: the published means of the seven weeks before, then this week's. */
    private static DimensionScore dimension(ResultSet rs, WeekId week, Map<WeekId, Map<Dimension, Double>> history)
            throws SQLException {
        Dimension d = Dimension.valueOf(rs.getString("dimension"));
        OptionalDouble mean = optionalDouble(rs, "mean");
        List<Optional<Double>> trend = new ArrayList<>(PulseCalculator.TREND_WEEKS);
        for (int back = PulseCalculator.TREND_WEEKS - 1; back >= 1; back--) {
            trend.add(Optional.ofNullable(
                    history.getOrDefault(week.minus(back), Map.of()).get(d)));
        }
        trend.add(mean.isPresent() ? Optional.of(mean.getAsDouble()) : Optional.empty());
        // A spread is only ever read beside a published mean.
        OptionalDouble spread = mean.isPresent() ? optionalDouble(rs, "spread") : OptionalDouble.empty();
        return new DimensionScore(d, mean, rs.getInt("answers"), spread, optionalDouble(rs, "change_value"), trend);
    }

    private static OptionalDouble optionalDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
