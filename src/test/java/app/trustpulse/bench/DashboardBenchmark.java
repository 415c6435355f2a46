package app.trustpulse.bench;

import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.insight.InsightModule;
import app.trustpulse.insight.Insights;
import app.trustpulse.insight.TeamView;
import app.trustpulse.insight.Viewer;
import app.trustpulse.nudge.InMemoryDecisionLog;
import app.trustpulse.nudge.NudgeModule;
import app.trustpulse.nudge.NudgeReason;
import app.trustpulse.nudge.SentNudge;
import app.trustpulse.persistence.JdbcStores;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.DimensionScore;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseModule;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import app.trustpulse.support.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prints how long the dashboard takes to read a leader's team page over a year (52 closed weeks, 500 members,
 * two nudges a week, the leader's self-checks), on H2 and on PostgreSQL. Not part of the normal run; start it with
 * {@code ./mvnw test -Dtest=DashboardBenchmark}. Figures are printed, never asserted.
 */
class DashboardBenchmark {

    private static final BenchmarkReport REPORT = BenchmarkReport.of(DashboardBenchmark.class);

    private static final int MEMBERS = 500;
    private static final int WEEKS = 52;
    private static final int RUNS = 50;
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aLeadersTeamPageOverAYear() {
        run("H2 (in memory)", TestDatabases.h2());
        // Pooled, as the service runs it: a fresh connection per query would measure connecting.
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(TestDatabases.postgresUrl());
            pool.setUsername("postgres");
            run("PostgreSQL 14 (embedded, pooled)", pool);
        }
    }

    private void run(String name, DataSource database) {
        JdbcClient jdbc = JdbcClient.create(database);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        JdbcStores stores = JdbcStores.on(database, app.trustpulse.support.TestDatabases.SEALER);
        var teams = stores.teams();
        var members = stores.members();
        var pulses = stores.pulses();
        var nudges = stores.nudgeLog();
        var answers = stores.answers();
        PulseModule pulse = new PulseModule(new byte[32]);
        Pseudonymizer pseudonyms = pulse.pseudonyms();
        Team team = teams.insert(new Team(
                0,
                Platform.SLACK,
                "T1",
                "C1",
                "big-team",
                ZoneId.of("Europe/Amsterdam"),
                Language.EN,
                3,
                TeamSchedule.defaults(),
                false));
        members.save(new Member(team.id(), "ULEAD", "Lead", Role.LEADER, Optional.empty(), false, false));
        for (int i = 0; i < MEMBERS; i++) {
            members.save(new Member(team.id(), "U" + i, "Member " + i, Role.MEMBER, Optional.empty(), false, false));
        }
        Random random = new Random(7);
        WeekId current = WeekId.of(NOW, team.timezone());
        for (int back = WEEKS; back >= 1; back--) {
            WeekId week = current.minus(back);
            String leader = pseudonyms.pseudonym(team.id(), Platform.SLACK, "ULEAD", week);
            List<DimensionScore> dims = new ArrayList<>();
            for (Dimension d : Dimension.inModelOrder()) {
                dims.add(new DimensionScore(
                        d,
                        OptionalDouble.of(2.5 + random.nextDouble() * 2),
                        400,
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        List.of()));
                answers.upsert(new Answer(
                        team.id(),
                        week,
                        d,
                        leader,
                        Role.LEADER,
                        java.util.OptionalInt.of(1 + random.nextInt(5)),
                        Optional.empty()));
            }
            pulses.save(
                    new WeeklyPulse(team.id(), week, MEMBERS, 420, 3, false, dims, Optional.empty(), Optional.empty()));
            for (int n = 0; n < 2; n++) {
                long id = nudges.record(new SentNudge(
                        0,
                        team.id(),
                        "ULEAD",
                        "TRUST-1",
                        Optional.of(Dimension.TRUST),
                        NudgeReason.WEAKEST,
                        week,
                        SentNudge.Occasion.DIGEST,
                        week.monday().atStartOfDay(team.timezone()).toInstant(),
                        Optional.empty()));
                nudges.react(id, "ULEAD", SentNudge.Reaction.TRIED, NOW);
            }
        }
        Insights insights = InsightModule.readingOnly(
                new InsightModule.Stores(
                        teams,
                        members,
                        answers,
                        stores.checkIns(),
                        nudges,
                        stores.insights(),
                        pulses,
                        app.trustpulse.pulse.RatedLeaders.inMemory()),
                new TextScrubber(),
                NudgeModule.digestNudges(nudges, new InMemoryDecisionLog(), new Texts()),
                pulse.personalAnswers(answers),
                clock);
        Viewer lead = new Viewer(Platform.SLACK, "T1", "ULEAD", "Lead", false);
        for (int i = 0; i < 10; i++) {
            insights.team(lead, team.id(), 52);
        }
        long start = System.nanoTime();
        TeamView view = null;
        for (int i = 0; i < RUNS; i++) {
            view = insights.team(lead, team.id(), 52);
        }
        double ms = (System.nanoTime() - start) / 1e6 / RUNS;
        REPORT.printf(
                "%s: a leader's team page over %d weeks (%d members, %d nudges): %.1f ms per page (%d weeks read)%n",
                name, WEEKS, MEMBERS, WEEKS * 2, ms, view.published().size());
    }
}
