package app.trustpulse.persistence;

import app.trustpulse.pulse.AnswerMixing;
import app.trustpulse.pulse.WeekId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rewrites the answer rows of a team-week in random order. Databases keep new rows roughly in the order they were
 * written, and a dump lists them so; after a mix the rows of the week are deleted and inserted again, shuffled, in
 * one transaction. The columns are copied as they are, whatever they are.
 */
final class JdbcAnswerMixing implements AnswerMixing {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SecureRandom random = new SecureRandom();

    JdbcAnswerMixing(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    static void markForMixing(JdbcClient jdbc, long teamId, WeekId week) {
        jdbc.sql("INSERT INTO answer_mix (team_id, week) VALUES (:teamId, :week) ON CONFLICT DO NOTHING")
                .param("teamId", teamId)
                .param("week", week.toString())
                .update();
    }

    @Override
    public int mixPending() {
        List<Map<String, Object>> pending = jdbc.sql("SELECT team_id, week FROM answer_mix").query().listOfRows();
        int mixed = 0;
        for (Map<String, Object> row : pending) {
            long teamId = ((Number) row.get("team_id")).longValue();
            String week = (String) row.get("week");
            Boolean done = transactions.execute(status -> mix(teamId, week));
            if (Boolean.TRUE.equals(done)) {
                mixed++;
            }
        }
        return mixed;
    }

    /** False when another instance mixed the week first. */
    private boolean mix(long teamId, String week) {
        int claimed = jdbc.sql("DELETE FROM answer_mix WHERE team_id = :teamId AND week = :week")
                .param("teamId", teamId)
                .param("week", week)
                .update();
        if (claimed == 0) {
            return false;
        }
        // Locks the week's rows: an answer written meanwhile waits, then lands after the shuffled ones and marks
        // the week again for the next run.
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.sql("SELECT * FROM answer WHERE team_id = :teamId AND week = :week FOR UPDATE")
                .param("teamId", teamId)
                .param("week", week)
                .query()
                .listOfRows());
        if (rows.size() < 2) {
            return true;
        }
        Collections.shuffle(rows, random);
        jdbc.sql("DELETE FROM answer WHERE team_id = :teamId AND week = :week")
                .param("teamId", teamId)
                .param("week", week)
                .update();
        List<String> columns = List.copyOf(rows.get(0).keySet());
        String insert = "INSERT INTO answer (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";
        for (Map<String, Object> r : rows) {
            JdbcClient.StatementSpec spec = jdbc.sql(insert);
            for (String c : columns) {
                spec = spec.param(c, r.get(c));
            }
            spec.update();
        }
        return true;
    }
}
