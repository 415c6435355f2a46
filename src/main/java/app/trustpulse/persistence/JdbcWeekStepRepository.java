package app.trustpulse.persistence;

import app.trustpulse.pulse.DeliveryClaim;
import app.trustpulse.pulse.Liveness;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeekStepRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Week steps in table {@code week_step}; every change of status is a conditional update. */
final class JdbcWeekStepRepository implements WeekStepRepository {

    private final JdbcClient jdbc;
    private final Liveness liveness;

    JdbcWeekStepRepository(JdbcClient jdbc) {
        this(jdbc, Liveness.alone());
    }

    JdbcWeekStepRepository(JdbcClient jdbc, Liveness liveness) {
        this.jdbc = jdbc;
        this.liveness = liveness;
    }

    @Override
    public void plan(long teamId, WeekId week, Step step, String recipient) {
        jdbc.sql("""
                INSERT INTO week_step (team_id, week, step, recipient, delivery_id, status, attempts)
                VALUES (:teamId, :week, :step, :recipient, :deliveryId, 'PENDING', 0)
                ON CONFLICT DO NOTHING
                """)
                .param("teamId", teamId)
                .param("week", week.toString())
                .param("step", step.name())
                .param("recipient", recipient)
                .param("deliveryId", UUID.randomUUID().toString())
                .update();
    }

    @Override
    public Optional<DeliveryClaim> claim(
            long teamId, WeekId week, Step step, String recipient, Instant now, Instant staleBefore) {
        List<Object[]> row = jdbc.sql("""
                SELECT delivery_id, attempts FROM week_step
                 WHERE team_id = :teamId AND week = :week AND step = :step AND recipient = :recipient
                """)
                .param("teamId", teamId)
                .param("week", week.toString())
                .param("step", step.name())
                .param("recipient", recipient)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)})
                .list();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        int attempts = (Integer) row.get(0)[1];
        // The attempts read above are part of the condition, so of two concurrent claims only one can win.
        int claimed = jdbc.sql("""
                UPDATE week_step SET status = 'SENDING', claimed_at = :now, claimed_by = :me, attempts = attempts + 1
                 WHERE team_id = :teamId AND week = :week AND step = :step AND recipient = :recipient
                   AND attempts = :attempts
                   AND (status = 'PENDING' OR (status = 'SENDING' AND (claimed_at < :stale OR %s)))
                """.formatted(DeliveryClaims.holderDead("week_step", "claimed_by", "claimed_at")))
                .param("teamId", teamId)
                .param("week", week.toString())
                .param("step", step.name())
                .param("recipient", recipient)
                .param("attempts", attempts)
                .param("now", SqlSupport.utc(now))
                .param("stale", SqlSupport.utc(staleBefore))
                .param("me", liveness.instance())
                .param("deadBefore", SqlSupport.utc(liveness.deadBefore()))
                .update();
        return claimed == 1 ? Optional.of(new DeliveryClaim((String) row.get(0)[0], attempts > 0)) : Optional.empty();
    }

    @Override
    public void done(long teamId, WeekId week, Step step, String recipient, Instant at) {
        jdbc.sql("""
                UPDATE week_step SET status = 'DONE', done_at = :at, last_error = NULL
                 WHERE team_id = :teamId AND week = :week AND step = :step AND recipient = :recipient
                """)
                .param("teamId", teamId)
                .param("week", week.toString())
                .param("step", step.name())
                .param("recipient", recipient)
                .param("at", SqlSupport.utc(at))
                .update();
    }

    @Override
    public void release(long teamId, WeekId week, Step step, String recipient, String error) {
        jdbc.sql("""
                UPDATE week_step SET status = 'PENDING', claimed_at = NULL, last_error = :error
                 WHERE team_id = :teamId AND week = :week AND step = :step AND recipient = :recipient
                   AND status = 'SENDING'
                """)
                .param("teamId", teamId)
                .param("week", week.toString())
                .param("step", step.name())
                .param("recipient", recipient)
                .param("error", error == null ? null : error.substring(0, Math.min(500, error.length())))
                .update();
    }

    @Override
    public List<State> of(long teamId, WeekId week) {
        return jdbc.sql("""
                SELECT step, recipient, status, attempts FROM week_step
                 WHERE team_id = :teamId AND week = :week ORDER BY step, recipient
                """)
                .param("teamId", teamId)
                .param("week", week.toString())
                .query((rs, n) -> new State(
                        Step.valueOf(rs.getString(1)), rs.getString(2), Status.valueOf(rs.getString(3)), rs.getInt(4)))
                .list();
    }

    @Override
    public List<TeamWeek> unfinished(Instant closedSince, int maxAttempts, List<Step> closeSteps) {
        return jdbc.sql("""
                SELECT p.team_id, p.week FROM weekly_pulse p
                 WHERE p.closed_at >= :since
                   AND (p.asked IS NULL
                        OR NOT EXISTS (SELECT 1 FROM week_step s
                                        WHERE s.team_id = p.team_id AND s.week = p.week AND s.step IN (:steps))
                        OR EXISTS (SELECT 1 FROM week_step s
                                    WHERE s.team_id = p.team_id AND s.week = p.week AND s.status <> 'DONE'
                                      AND s.step IN (:steps) AND s.attempts < :max))
                 ORDER BY p.closed_at
                """)
                .param("since", SqlSupport.utc(closedSince))
                .param("max", maxAttempts)
                .param("steps", closeSteps.stream().map(Step::name).toList())
                .query((rs, n) -> new TeamWeek(rs.getLong(1), WeekId.parse(rs.getString(2))))
                .list();
    }
}
