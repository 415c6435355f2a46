package app.trustpulse.slack;

import static app.trustpulse.slack.ChildInstance.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.trustpulse.Slow;
import app.trustpulse.support.TestDatabases;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.h2.tools.Restore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The procedures of docs/operations.md: a backup taken while the service runs (H2: from a second JVM, the database
 * opened with AUTO_SERVER=TRUE; PostgreSQL: pg_dump), the service's database then lost, the backup restored into a
 * new one and the service started on it with the same secret. The restored service finishes the week: the answer
 * still queued at the backup is recorded, nobody gets a second check-in, the pulse and the digest go out once.
 */
@Slow
class RestoredFromBackupTest {

    static final String TEAM = "T0BACKUP";
    static final String CHANNEL = "C0TEAM";
    static final String LEADER = "UL1";
    static final List<String> MEMBERS =
            IntStream.rangeClosed(1, 5).mapToObj(i -> "UM" + i).toList();

    /** How the backup is taken and restored: both are H2 statements an operator runs over the service's database. */
    enum Backup {
        /** {@code BACKUP TO 'x.zip'}, put back with H2's Restore tool (or unzip). */
        BACKUP_ZIP,
        /** {@code SCRIPT TO 'x.sql'}, put back with {@code RUNSCRIPT FROM} into a new database. */
        SQL_SCRIPT,
        /** PostgreSQL: {@code pg_dump -Fc}, put back with {@code pg_restore} into a new database. */
        PG_DUMP
    }

    @TempDir
    Path dir;

    private final List<ChildInstance> instances = new ArrayList<>();
    private FakeSlack slack;

    @AfterEach
    void stop() throws Exception {
        for (ChildInstance i : instances) {
            i.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backup.class)
    void aServiceRestoredFromAnOnlineBackupFinishesTheWeekWithNothingLostOrDoubled(Backup how) throws Exception {
        slack = new FakeSlack().token(ChildInstance.TOKEN, TEAM).user("UADMIN", "Ada", "Europe/Amsterdam", true);
        List<String> everyone =
                Stream.concat(Stream.of(LEADER), MEMBERS.stream()).toList();
        everyone.forEach(u -> slack.user(u, "Person " + u, "Europe/Amsterdam", false));
        slack.channel(CHANNEL, everyone.toArray(String[]::new));

        if (how == Backup.PG_DUMP) {
            assumeTrue(PG_DUMP.isPresent(), "pg_dump and pg_restore are not installed");
        }
        String live = how == Backup.PG_DUMP
                ? TestDatabases.postgresUrl()
                : "jdbc:h2:file:" + dir.resolve("live/trust-pulse") + TestDatabases.H2_FLAGS + ";AUTO_SERVER=TRUE";
        ChildInstance original = start("original", live);
        command(original, "setup <@" + LEADER + "|lea>", "setup");
        command(original, "send-now", "send-now");
        await(() -> checkIns().keySet().containsAll(everyone), Duration.ofSeconds(60));

        // Mid-week: two members have answered, all six dimensions each.
        SlackClientSim client = original.slack(TEAM);
        for (String u : List.of("UM1", "UM2")) {
            client.postJson(client.event("Ev" + u, SlackClientSim.imMessage(u, "D" + u, "4 3 5 2 4 5")));
        }
        await(() -> recorded("UM1") == 1 && recorded("UM2") == 1, Duration.ofSeconds(30));

        // Slack goes down; a third member's reply is acknowledged and waits in the queue when the backup is taken,
        // not handled yet or its confirmation not sent yet.
        slack.down(true);
        assertThat(client.postJson(client.event("EvUM3", SlackClientSim.imMessage("UM3", "DUM3", "5 4 4 3 2 5")))
                        .statusCode())
                .isEqualTo(200);
        Path backup = dir.resolve(
                switch (how) {
                    case BACKUP_ZIP -> "trust-pulse.zip";
                    case SQL_SCRIPT -> "trust-pulse.sql";
                    case PG_DUMP -> "trust-pulse.dump";
                });
        // From this JVM, as an operator's H2 Shell would: AUTO_SERVER connects it to the running service's database.
        try (Connection c = DriverManager.getConnection(live, "postgres", "");
                Statement s = c.createStatement()) {
            switch (how) {
                case BACKUP_ZIP -> s.execute("BACKUP TO '" + backup + "'");
                case SQL_SCRIPT -> s.execute("SCRIPT TO '" + backup + "'");
                case PG_DUMP ->
                    run(
                            PG_DUMP.get().resolve("pg_dump").toString(),
                            "-Fc",
                            "-h",
                            "localhost",
                            "-p",
                            port(live),
                            "-U",
                            "postgres",
                            "-d",
                            database(live),
                            "-f",
                            backup.toString());
            }
        }
        assertThat(Files.size(backup)).isPositive();

        // The disk is lost with the instance.
        original.kill();
        assertThat(recorded("UM3")).isZero();

        String restored;
        if (how == Backup.PG_DUMP) {
            String name = database(live) + "_restored";
            try (Connection c = DriverManager.getConnection(live, "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
            }
            run(
                    PG_DUMP.get().resolve("pg_restore").toString(),
                    "--no-owner",
                    "--exit-on-error",
                    "-h",
                    "localhost",
                    "-p",
                    port(live),
                    "-U",
                    "postgres",
                    "-d",
                    name,
                    backup.toString());
            restored = live.replace("/" + database(live) + "?", "/" + name + "?");
        } else {
            Path restoredDb = dir.resolve("restored/trust-pulse");
            restored = "jdbc:h2:file:" + restoredDb + TestDatabases.H2_FLAGS;
            if (how == Backup.BACKUP_ZIP) {
                Restore.execute(backup.toString(), restoredDb.getParent().toString(), "trust-pulse");
            } else {
                try (Connection c = DriverManager.getConnection(restored, "postgres", "");
                        Statement s = c.createStatement()) {
                    s.execute("RUNSCRIPT FROM '" + backup + "'");
                }
            }
            assertThat(restoredDb.resolveSibling("trust-pulse.mv.db")).exists();
        }
        try (Connection c = DriverManager.getConnection(restored, "postgres", "");
                Statement s = c.createStatement()) {
            // The reply itself, or (handled already) its confirmation to the member.
            assertThat(queued(s).keySet())
                    .as("work waiting in the restored queue")
                    .containsAnyOf("slack-request", "slack-post");
        }

        slack.down(false);
        ChildInstance back = start("restored", restored);
        await(() -> recorded("UM3") == 1, Duration.ofSeconds(60));
        command(back, "close-week", "close");
        await(
                () -> slack.pulsesIn(CHANNEL) == 1
                        && slack.digestsPerLeader(List.of(LEADER)).size() == 1,
                Duration.ofSeconds(60));
        Thread.sleep(3000);

        assertThat(slack.pulsesIn(CHANNEL)).as("pulses posted").isEqualTo(1);
        String pulse = slack.posted(CHANNEL).stream()
                .filter(p -> p.params().get("text").startsWith("Team pulse"))
                .findFirst()
                .orElseThrow()
                .params()
                .get("blocks");
        assertThat(pulse).contains("Participation: 3 of 5 took part");
        assertThat(pulse.split("answers: 3", -1))
                .as("six dimensions with three answers each")
                .hasSize(7);
        assertThat(slack.digestsPerLeader(List.of(LEADER))).containsExactly(Map.entry(LEADER, 1L));
        assertThat(checkIns())
                .as("check-ins per person")
                .containsOnlyKeys(everyone.toArray(String[]::new))
                .allSatisfy((user, n) -> assertThat(n).as(user).isEqualTo(1L));
        assertThat(List.of("UM1", "UM2", "UM3"))
                .allSatisfy(u -> assertThat(recorded(u)).as(u).isEqualTo(1));
    }

    /** The directory of pg_dump and pg_restore: on the PATH or in Debian's /usr/lib/postgresql/N/bin. */
    static final Optional<Path> PG_DUMP = Stream.concat(
                    Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                            .map(Path::of),
                    Stream.of(
                                    Path.of("/usr/lib/postgresql").toFile().listFiles() == null
                                            ? new File[0]
                                            : Path.of("/usr/lib/postgresql")
                                                    .toFile()
                                                    .listFiles())
                            .map(f -> f.toPath().resolve("bin")))
            .filter(d -> Files.isExecutable(d.resolve("pg_dump")) && Files.isExecutable(d.resolve("pg_restore")))
            .findFirst();

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
    }

    private static String port(String jdbcUrl) {
        return jdbcUrl.replaceFirst("^jdbc:postgresql://[^:/]+:(\\d+)/.*$", "$1");
    }

    private static String database(String jdbcUrl) {
        return jdbcUrl.replaceFirst("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
    }

    private ChildInstance start(String name, String db) throws Exception {
        ChildInstance i = ChildInstance.start(
                name,
                new ChildInstance.Database(db, java.nio.file.Files.createTempDirectory("restored-" + name)),
                slack);
        instances.add(i);
        return i;
    }

    private void command(ChildInstance i, String text, String hook) throws Exception {
        SlackClientSim c = i.slack(TEAM);
        assertThat(c.postForm(c.slashCommand("UADMIN", CHANNEL, text, slack.hookUrl(hook)))
                        .statusCode())
                .isEqualTo(200);
        slack.awaitHook("/" + hook);
    }

    private Map<String, Long> checkIns() {
        return slack.checkInsPerPerson(
                Stream.concat(Stream.of(LEADER), MEMBERS.stream()).toList());
    }

    /** Confirmations of a typed reply in the person's DM. */
    private int recorded(String user) {
        return (int) slack.posted("D" + user).stream()
                .filter(p ->
                        p.params().get("text") != null && p.params().get("text").startsWith("Recorded:"))
                .count();
    }

    private static Map<String, Integer> queued(Statement s) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (ResultSet rs = s.executeQuery("SELECT task_name, COUNT(*) FROM scheduled_tasks GROUP BY task_name")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }
}
