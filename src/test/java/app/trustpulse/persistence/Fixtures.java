package app.trustpulse.persistence;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Test data and helpers shared by the repository tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-16T08:30:00Z");
    static final WeekId WEEK = WeekId.parse("2026-W47");

    private Fixtures() {}

    static JdbcClient jdbc(TestDb db) {
        return JdbcClient.create(db.dataSource());
    }

    /** Transactions on the database of this data source (each TestDb#dataSource() is a new database). */
    static TransactionTemplate transactions(DataSource dataSource) {
        return new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    static Team team(String workspaceId, String channelId) {
        return new Team(
                0,
                Platform.SLACK,
                workspaceId,
                channelId,
                "Team " + channelId,
                ZoneId.of("Europe/Amsterdam"),
                Language.NL,
                3,
                TeamSchedule.defaults(),
                false);
    }

    static long insertTeam(JdbcClient jdbc, String channelId) {
        return new JdbcTeamRepository(jdbc).insert(team("W1", channelId)).id();
    }

    /** Runs the task on as many threads, released at the same moment, and returns what each returned. */
    static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static int count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }
}
