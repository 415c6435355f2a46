package app.trustpulse.persistence;

import app.trustpulse.privacy.RetentionStore;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention in SQL. Week ids sort as text ("2026-W05" &lt; "2026-W48"), so "before a week" is a string comparison.
 * The weekly_pulse tables are not touched: published aggregates are kept.
 */
final class JdbcRetentionStore implements RetentionStore {

    private final JdbcClient jdbc;

    JdbcRetentionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Purged purge(WeekId answersBefore, WeekId checkInsBefore, Instant operationalBefore) {
        int answers = beforeWeek("answer", answersBefore);
        beforeWeek("released_comment", answersBefore);
        int feedback = beforeWeek("feedback", answersBefore);
        int nudges = beforeWeek("nudge_sent", answersBefore);
        // Answers about promises live only until their week is counted; ended promises go with the other answers.
        beforeWeek("promise_answer", answersBefore);
        jdbc.sql("DELETE FROM promise WHERE ended_at IS NOT NULL AND made_week < :cutoff")
                .param("cutoff", answersBefore.toString())
                .update();
        int checkIns = beforeWeek("check_in", checkInsBefore);
        beforeWeek("week_step", checkInsBefore);
        beforeWeek("send_now_round", checkInsBefore);
        int operational = beforeInstant("processed_event", "processed_at", operationalBefore)
                + beforeInstant("slack_delivery", "recorded_at", operationalBefore)
                + beforeInstant("slack_oauth_state", "expires_at", operationalBefore)
                + beforeInstant("delivery_attempt", "first_at", operationalBefore)
                + beforeInstant("roster_notice", "created_at", operationalBefore)
                // parked work may carry what someone wrote; it is not kept longer than the rest of the bookkeeping
                + beforeInstant("work_dead_letter", "parked_at", operationalBefore);
        return new Purged(answers, feedback, nudges, checkIns, operational);
    }

    @Override
    public int closeFeedbackThreads(Instant now) {
        return JdbcFeedbackThreads.closeExpired(jdbc, now);
    }

    private int beforeWeek(String table, WeekId cutoff) {
        return jdbc.sql("DELETE FROM " + table + " WHERE week < :cutoff")
                .param("cutoff", cutoff.toString())
                .update();
    }

    private int beforeInstant(String table, String column, Instant cutoff) {
        return jdbc.sql("DELETE FROM " + table + " WHERE " + column + " < :cutoff")
                .param("cutoff", SqlSupport.utc(cutoff))
                .update();
    }
}
