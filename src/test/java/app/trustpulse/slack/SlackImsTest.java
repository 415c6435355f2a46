package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.support.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The DM channels a round's first posts learn are stored, also when many senders learn theirs at once. */
class SlackImsTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void channelsLearntByManySendersAtOnceAreAllStoredAndAChangedOneReplacesTheOld(String db) throws Exception {
        DataSource ds = db.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres();
        JdbcClient jdbc = JdbcClient.create(ds);
        TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(ds));
        jdbc.sql("INSERT INTO slack_im (workspace_id, user_id, channel_id) VALUES ('T1', 'U7', 'DOLD')")
                .update();
        SlackIms ims = new SlackIms(jdbc, transactions, null);
        ExecutorService senders = Executors.newFixedThreadPool(40);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int person = i;
                all.add(senders.submit(() -> {
                    go.await();
                    ims.remember("T1", "U" + person, "D" + person);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : all) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM slack_im")
                        .query(Integer.class)
                        .single())
                .isEqualTo(40);
        SlackIms afterRestart = new SlackIms(jdbc, transactions, null);
        for (int i = 0; i < 40; i++) {
            assertThat(afterRestart.postTarget("T1", "U" + i)).isEqualTo("D" + i);
        }
        assertThat(afterRestart.forget("T1", "U7")).isEqualTo(1);
        assertThat(new SlackIms(jdbc, transactions, null).postTarget("T1", "U7"))
                .isEqualTo("U7");
    }
}
