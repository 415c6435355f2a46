package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Slow;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The insider's attacks on PostgreSQL: its data directory read byte by byte (table files, WAL segments, everything),
 * and the transaction ids of the rows ({@code xmin}) lined up. A server of its own, which writes its files as a
 * production server does (full page writes, WAL at its default level); only waiting for the disk is off (fsync,
 * synchronous commit), which changes when bytes reach the files, not which.
 */
@Slow
class InsiderReadsPostgresFilesTest extends InsiderReadsTheDatabase {

    static final FakeSlack SLACK = FailingSlackWeek.fakeSlack();
    static final EmbeddedPostgres SERVER = start();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        FailingSlackWeek.properties(r, SLACK, () -> SERVER.getJdbcUrl("postgres", "postgres"));
        r.add("spring.datasource.username", () -> "postgres");
        r.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @Override
    FakeSlack slack() {
        return SLACK;
    }

    @Override
    Path databaseFiles() {
        return Path.of(jdbc.sql("SHOW data_directory").query(String.class).single());
    }

    @Override
    void checkpoint() {
        jdbc.sql("CHECKPOINT").update();
    }

    /**
     * The xmin attack: a row's xmin is the transaction that wrote it. Were anything naming a person written when they
     * answer (the version before sealing marked their check-in answered right after the answer), the answer row and
     * that row would carry neighbouring transaction ids. The attacker reads every version of every row from the
     * tables' files (also versions that were replaced or deleted since, such as the answers destroyed at the close),
     * links each answer version to the version naming a person whose xmin is nearest, within 2, and names that person.
     */
    @Test
    void transactionIdsOfAnswerRowsPointAtNobodyBetterThanChance() {
        List<HeapPages.Version> answers = HeapPages.versions(relationFile("answer"));
        assertThat(answers.size()).as("versions of answer rows in the file").isGreaterThanOrEqualTo(answerDump.size());
        Map<HeapPages.Version, String> naming = new HashMap<>();
        for (String table : jdbc.sql("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'answer'
                """).query(String.class).list()) {
            for (HeapPages.Version v : HeapPages.versions(relationFile(table))) {
                FailingSlackWeek.EVERYONE.stream().filter(v::holds).findFirst().ifPresent(p -> naming.put(v, p));
            }
        }
        long people = naming.values().stream().distinct().count();
        assertThat(people).as("people named by rows in the files").isGreaterThanOrEqualTo(4);

        int links = 0;
        int right = 0;
        for (HeapPages.Version answer : answers) {
            String owner = ownerOfToken.get(answer.find(TOKEN).orElseThrow());
            assertThat(owner).as("the owner of an answer version").isNotNull();
            HeapPages.Version nearest = null;
            for (HeapPages.Version v : naming.keySet()) {
                long d = Math.abs(v.xmin() - answer.xmin());
                if (d <= 2 && (nearest == null || d < Math.abs(nearest.xmin() - answer.xmin()))) {
                    nearest = v;
                }
            }
            if (nearest != null) {
                links++;
                if (naming.get(nearest).equals(owner)) {
                    right++;
                }
            }
        }
        // Answering writes nothing that names a person, so the only links are of two transactions that happened to
        // be close (a check-in sent as someone answered), and they name the right person no more often than chance
        // would: once in as many times as there are people (one such coincidence spared).
        double chance = (double) links / people;
        assertThat((double) right)
                .as(
                        "of %d answer versions, %d linked to a row version naming a person written "
                                + "within 2 transactions, %d of them to their person",
                        answers.size(), links, right)
                .isLessThanOrEqualTo(chance + 1);
    }

    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    private Path relationFile(String table) {
        return databaseFiles()
                .resolve(jdbc.sql("SELECT pg_relation_filepath(:table)")
                        .param("table", table)
                        .query(String.class)
                        .single());
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }
}
